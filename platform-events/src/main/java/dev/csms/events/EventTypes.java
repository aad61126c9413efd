package dev.csms.events;

import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.device.FirmwareCampaignProgress;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.events.device.DataTransferReceived;
import dev.csms.events.device.StationChanged;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.events.sessions.SessionUpdated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the platform publishes, the registry the codec resolves {@code ce_type} with. Each one is
 * documented with its JSON schema in {@code docs/asyncapi.yaml}; a test fails for a type listed here without one.
 * Domain events of the services (device.*, sessions.*, billing.*, smartcharging.*) are added by their services.
 */
public final class EventTypes {

    /** A station's CALL, as a canonical event with the original attached; {@code ocpp.inbound}. */
    public static final EventType<StationCall> STATION_CALL =
            new EventType<>("csms.ocpp.StationCall.v1", StationCall.class, Topics.OCPP_INBOUND);
    /** A station connected to a gateway; {@code ocpp.inbound}. */
    public static final EventType<StationConnected> STATION_CONNECTED =
            new EventType<>("csms.ocpp.StationConnected.v1", StationConnected.class, Topics.OCPP_INBOUND);
    /** A station's connection ended; {@code ocpp.inbound}. */
    public static final EventType<StationDisconnected> STATION_DISCONNECTED =
            new EventType<>("csms.ocpp.StationDisconnected.v1", StationDisconnected.class, Topics.OCPP_INBOUND);
    /** How a command ended; {@code ocpp.inbound}. */
    public static final EventType<CommandResult> COMMAND_RESULT =
            new EventType<>("csms.ocpp.CommandResult.v1", CommandResult.class, Topics.OCPP_INBOUND);
    /** A service's answer to a StationCall; {@code ocpp.outbound}. */
    public static final EventType<CallAnswer> CALL_ANSWER =
            new EventType<>("csms.ocpp.CallAnswer.v1", CallAnswer.class, Topics.OCPP_OUTBOUND);
    /** A command for a station; {@code ocpp.outbound}. */
    public static final EventType<Command> COMMAND =
            new EventType<>("csms.ocpp.Command.v1", Command.class, Topics.OCPP_OUTBOUND);
    /** Which gateway holds a station's connection; {@code ocpp.presence} (compacted). */
    public static final EventType<Presence> PRESENCE =
            new EventType<>("csms.ocpp.Presence.v1", Presence.class, Topics.OCPP_PRESENCE);
    /** A station's credentials; {@code device.credentials} (compacted). */
    public static final EventType<StationCredentials> STATION_CREDENTIALS =
            new EventType<>("csms.device.StationCredentials.v1", StationCredentials.class, Topics.DEVICE_CREDENTIALS);

    /** A station of the registry changed; {@code device.stations}. */
    public static final EventType<StationChanged> STATION_CHANGED =
            new EventType<>("csms.device.StationChanged.v1", StationChanged.class, Topics.DEVICE_STATIONS);
    /** device-service raised an alert about a station; {@code device.alerts}. */
    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>("csms.device.AlertRaised.v1", AlertRaised.class, Topics.DEVICE_ALERTS);
    /** An alert's condition ended; {@code device.alerts}. */
    public static final EventType<AlertCleared> ALERT_CLEARED =
            new EventType<>("csms.device.AlertCleared.v1", AlertCleared.class, Topics.DEVICE_ALERTS);
    /** A station sent a DataTransfer of an accepted vendor; {@code device.stations}. */
    public static final EventType<DataTransferReceived> DATA_TRANSFER_RECEIVED = new EventType<>(
            "csms.device.DataTransferReceived.v1", DataTransferReceived.class, Topics.DEVICE_STATIONS);

    /** A charging session began; {@code sessions.events}. */
    public static final EventType<SessionStarted> SESSION_STARTED =
            new EventType<>("csms.sessions.SessionStarted.v1", SessionStarted.class, Topics.SESSIONS_EVENTS);
    /** A running charging session changed (throttled); {@code sessions.events}. */
    public static final EventType<SessionUpdated> SESSION_UPDATED =
            new EventType<>("csms.sessions.SessionUpdated.v1", SessionUpdated.class, Topics.SESSIONS_EVENTS);
    /** A charging session ended, with its totals; {@code sessions.events}. */
    public static final EventType<SessionEnded> SESSION_ENDED =
            new EventType<>("csms.sessions.SessionEnded.v1", SessionEnded.class, Topics.SESSIONS_EVENTS);
    /** A reservation was requested or changed state; {@code sessions.events}. */
    public static final EventType<ReservationChanged> RESERVATION_CHANGED = new EventType<>(
            "csms.sessions.ReservationChanged.v1", ReservationChanged.class, Topics.SESSIONS_EVENTS);

    /** A firmware campaign moved on (status or a station's outcome); {@code device.campaigns}. */
    public static final EventType<FirmwareCampaignProgress> FIRMWARE_CAMPAIGN_PROGRESS = new EventType<>(
            "csms.device.FirmwareCampaignProgress.v1", FirmwareCampaignProgress.class, Topics.DEVICE_CAMPAIGNS);

    /** All of them, in a stable order. */
    public static final List<EventType<?>> ALL = List.of(STATION_CALL, STATION_CONNECTED, STATION_DISCONNECTED,
            COMMAND_RESULT, CALL_ANSWER, COMMAND, PRESENCE, STATION_CREDENTIALS, STATION_CHANGED, SESSION_STARTED,
            SESSION_UPDATED, SESSION_ENDED, RESERVATION_CHANGED, FIRMWARE_CAMPAIGN_PROGRESS, ALERT_RAISED,
            ALERT_CLEARED, DATA_TRANSFER_RECEIVED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventTypes() {
    }

    /** The event type with a CloudEvents type name, empty when the platform does not know it. */
    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
