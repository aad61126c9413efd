package dev.csms.device.service;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.device.DataTransferReceived;
import dev.csms.events.device.StationChanged;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.runtime.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Builds the Kafka records device-service writes to its outbox: credentials, station changes, call answers. */
@ApplicationScoped
public class StationRecords {

    private final EventCodec codec = new EventCodec();
    private final Topics topics;
    private final Clock clock;
    private final String source;

    StationRecords(Topics topics, Clock clock, DeviceConfig config) {
        this.topics = topics;
        this.clock = clock;
        this.source = config.eventSource();
    }

    /**
     * The station's record on the compacted {@code device.credentials}: its credentials, or a tombstone while they
     * are incomplete (profile 1 or 2 without a password yet), since the gateway must not admit it on stale ones.
     */
    public OutboxRecord credentials(Station station) {
        String topic = topics.deviceCredentials();
        if (station.securityProfile < 3 && station.passwordHash == null) {
            return tombstone(station.id);
        }
        StationCredentials credentials = new StationCredentials(station.id, station.passwordHash,
                station.securityProfile, station.enabled, station.allowedVersions, station.registrationStatus,
                station.updatedAt);
        return OutboxRecord.from(codec.toRecord(topic,
                EventEnvelope.create(EventTypes.STATION_CREDENTIALS, source, station.id, credentials, clock)));
    }

    /** Removes the station from {@code device.credentials}. */
    public OutboxRecord tombstone(String stationId) {
        return OutboxRecord.from(codec.tombstone(topics.deviceCredentials(), stationId));
    }

    /** A {@code device.stations} event with the station's state after the change. */
    public OutboxRecord changed(Station station, StationChanged.StationChange change) {
        StationChanged event = new StationChanged(station.id, change, station.siteId, station.securityProfile,
                station.enabled, station.registrationStatus, station.allowedVersions, station.reportedVendor,
                station.reportedModel, station.reportedFirmware, clock.instant());
        return OutboxRecord.from(codec.toRecord(topics.name(Topics.DEVICE_STATIONS),
                EventEnvelope.create(EventTypes.STATION_CHANGED, source, station.id, event, clock)));
    }

    /** A {@code device.stations} event of a station's accepted DataTransfer. */
    public OutboxRecord dataTransfer(DataTransferReceived event) {
        return OutboxRecord.from(codec.toRecord(topics.name(Topics.DEVICE_STATIONS),
                EventEnvelope.create(EventTypes.DATA_TRANSFER_RECEIVED, source, event.stationId(), event, clock)));
    }

    /** The answer to a StationCall on {@code ocpp.outbound}, correlated with the call's event id. */
    public OutboxRecord answer(CallAnswer answer) {
        EventEnvelope<CallAnswer> envelope = EventEnvelope.create(EventTypes.CALL_ANSWER, source, answer.stationId(),
                answer, clock).withExtension(CloudEventHeaders.CORRELATION_ID, answer.callEventId());
        return OutboxRecord.from(codec.toRecord(topics.outbound(), envelope));
    }
}
