package dev.csms.e2e.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.TrafficEntry;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CALLs a simulated station sent and how the CSMS answered each, and the commands (CALLs) the CSMS sent it with
 * the station's answers, read from the frames it recorded ({@code StationConfig.recordTraffic(true)}): what the
 * station was told and what it was asked.
 */
public final class StationTraffic {

    /** How the CSMS answered a CALL. */
    public enum Answer {
        /** CALLRESULT: the station was told the CSMS took it. */
        RESULT,
        /** CALLERROR. */
        ERROR,
        /** Nothing (yet). */
        NONE
    }

    /**
     * One CALL the station sent.
     *
     * @param messageId the OCPP message id
     * @param action    the action
     * @param sentAt    when it went out (station clock)
     * @param answer    how the CSMS answered
     * @param errorCode the CALLERROR code, when it was one
     */
    public record Call(String messageId, String action, Instant sentAt, Answer answer, Optional<String> errorCode) {
    }

    /**
     * One CALL the CSMS sent to the station (a command).
     *
     * @param messageId  the OCPP message id
     * @param action     the action as the station's version spells it (1.6 RemoteStartTransaction, 2.x Reset, ...)
     * @param payload    the request
     * @param receivedAt when it came in (station clock)
     * @param answer     how the station answered
     * @param response   the CALLRESULT payload, when the station answered with one
     */
    public record Command(String messageId, String action, JsonNode payload, Instant receivedAt, Answer answer,
            Optional<JsonNode> response) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stationId;
    private final List<Call> calls;
    private final List<Command> commands;

    private StationTraffic(String stationId, List<Call> calls, List<Command> commands) {
        this.stationId = stationId;
        this.calls = List.copyOf(calls);
        this.commands = List.copyOf(commands);
    }

    public static StationTraffic of(SimulatedStation station) {
        Map<String, TrafficEntry> sent = new LinkedHashMap<>();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Map<String, String> actions = new LinkedHashMap<>();
        Map<String, TrafficEntry> received = new LinkedHashMap<>();
        Map<String, JsonNode> receivedFrames = new LinkedHashMap<>();
        Map<String, JsonNode> replies = new LinkedHashMap<>();
        for (TrafficEntry entry : station.traffic()) {
            JsonNode frame = parse(entry.text());
            if (!frame.isArray() || frame.size() < 3) {
                continue;
            }
            int type = frame.get(0).asInt();
            String id = frame.get(1).asText();
            if (entry.outgoing() && type == 2) {
                sent.put(id, entry);
                actions.put(id, frame.get(2).asText());
            } else if (!entry.outgoing() && (type == 3 || type == 4) && sent.containsKey(id)) {
                answers.put(id, frame);
            } else if (!entry.outgoing() && type == 2 && frame.size() >= 4) {
                received.put(id, entry);
                receivedFrames.put(id, frame);
            } else if (entry.outgoing() && (type == 3 || type == 4) && received.containsKey(id)) {
                replies.put(id, frame);
            }
        }
        List<Call> calls = new ArrayList<>();
        sent.forEach((id, entry) -> {
            JsonNode answer = answers.get(id);
            Answer kind = answer == null ? Answer.NONE : answer.get(0).asInt() == 3 ? Answer.RESULT : Answer.ERROR;
            Optional<String> code = kind == Answer.ERROR ? Optional.of(answer.get(2).asText()) : Optional.empty();
            calls.add(new Call(id, actions.get(id), entry.at(), kind, code));
        });
        List<Command> commands = new ArrayList<>();
        received.forEach((id, entry) -> {
            JsonNode frame = receivedFrames.get(id);
            JsonNode reply = replies.get(id);
            Answer kind = reply == null ? Answer.NONE : reply.get(0).asInt() == 3 ? Answer.RESULT : Answer.ERROR;
            Optional<JsonNode> response = kind == Answer.RESULT ? Optional.of(reply.get(2)) : Optional.empty();
            commands.add(new Command(id, frame.get(2).asText(), frame.get(3), entry.at(), kind, response));
        });
        return new StationTraffic(station.id(), calls, commands);
    }

    public String stationId() {
        return stationId;
    }

    public List<Call> calls() {
        return calls;
    }

    /** The CALLs of {@code action} the CSMS answered with a CALLRESULT. */
    public List<Call> acknowledged(String action) {
        return calls.stream().filter(call -> call.answer() == Answer.RESULT && call.action().equals(action)).toList();
    }

    /** Every CALL answered with a CALLRESULT. */
    public List<Call> acknowledged() {
        return calls.stream().filter(call -> call.answer() == Answer.RESULT).toList();
    }

    /** The commands the CSMS sent the station, in the order they came. */
    public List<Command> commands() {
        return commands;
    }

    /** The commands of {@code action} (the station version's spelling) the CSMS sent the station. */
    public List<Command> commands(String action) {
        return commands.stream().filter(command -> command.action().equals(action)).toList();
    }

    /** Every CALL answered with a CALLERROR. */
    public List<Call> errors() {
        return calls.stream().filter(call -> call.answer() == Answer.ERROR).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("unreadable frame: " + text, e);
        }
    }
}
