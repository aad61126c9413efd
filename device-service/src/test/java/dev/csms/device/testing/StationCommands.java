package dev.csms.device.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.ocpp.CallError;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.adapter.OcppRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays the gateway's command side: awaits a Command on ocpp.outbound and answers it as the station would. */
public final class StationCommands {

    private final EventCodec codec = new EventCodec();
    private final TopicProbe outbound;
    private final StationCalls gateway;

    public StationCommands(TopicProbe outbound, StationCalls gateway) {
        this.outbound = outbound;
        this.gateway = gateway;
    }

    /** The CALL the command became for the version. */
    public record Sent(Command command, OcppRequest request) {
    }

    /** Awaits the Command with the id on ocpp.outbound and returns it with the CALL it becomes for the version. */
    public Sent await(String stationId, String commandId, OcppVersion version) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> stationId.equals(r.key())
                && EventTypes.COMMAND.type().equals(header(r, CloudEventHeaders.TYPE))
                && commandId.equals(codec.fromRecord(r, EventTypes.COMMAND).data().commandId()));
        Command command = codec.fromRecord(record, EventTypes.COMMAND).data();
        return new Sent(command, OcppAdapter.forVersion(version, Clock.systemUTC()).toRequest(command.command()));
    }

    /** Whether the record is a Command for the station. */
    public boolean isCommandFor(String stationId, ConsumerRecord<String, byte[]> record) {
        return stationId.equals(record.key()) && EventTypes.COMMAND.type().equals(header(record, CloudEventHeaders.TYPE));
    }

    /** Awaits the next Command for the station that is not one of {@code seen} (command ids). */
    public Sent awaitNext(String stationId, Set<String> seen, OcppVersion version) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> isCommandFor(stationId, r)
                && !seen.contains(codec.fromRecord(r, EventTypes.COMMAND).data().commandId()));
        Command command = codec.fromRecord(record, EventTypes.COMMAND).data();
        return new Sent(command, OcppAdapter.forVersion(version, Clock.systemUTC()).toRequest(command.command()));
    }

    /** Reports a CALLERROR of the station to the sent command, as the gateway does. */
    public void callError(Sent sent, OcppVersion version, String errorCode) throws Exception {
        gateway.result(new CommandResult(sent.command().commandId(), sent.command().stationId(),
                CommandOutcome.CallError, sent.request().action(), version, null, null,
                new CallError(errorCode, "refused by the test", null), null, Instant.now()));
    }

    /** Answers the sent command with the CALLRESULT payload, as the gateway reports it. */
    public void answer(Sent sent, OcppVersion version, String responseJson) throws Exception {
        OcppAdapter adapter = OcppAdapter.forVersion(version, Clock.systemUTC());
        JsonNode payload = OcppJson.newObjectMapper().readTree(responseJson);
        String action = sent.request().action();
        gateway.result(new CommandResult(sent.command().commandId(), sent.command().stationId(),
                CommandOutcome.Answered, action, version, adapter.toCommandResponse(action, payload), payload, null,
                null, Instant.now()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
