package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.AuthorizeCertificateStatus;
import dev.csms.ocpp.canonical.CanonicalJson;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.DataTransferStatus;
import dev.csms.ocpp.canonical.GenericStatus;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.MessageContent;
import dev.csms.ocpp.canonical.MessageFormat;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.ocpp.rpc.Call;
import dev.csms.ocpp.rpc.MessageType;
import dev.csms.ocpp.rpc.RpcCodec;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.rpc.RpcParseResult;
import dev.csms.ocpp.rpc.Send;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppAction;
import dev.csms.ocpp.schema.OcppActions;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.ocpp.schema.SchemaSamples;
import dev.csms.ocpp.schema.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip of the project issue, over every action of every version (driven by {@link OcppActions#catalog()},
 * so a new schema cannot be forgotten), with the minimal and the full sample of {@link SchemaSamples} and a full
 * sample with distinct values ({@link DistinctSamples}):
 * <ul>
 *   <li>a station request: CALL (or SEND) frame text, {@link RpcCodec#parse}, validation, {@code toCanonical} (the
 *       event type {@link RoundTripCoverage} lists, core fields kept), a plausible answer, {@code toResponse},
 *       validation; and which parts of the request the event does not carry;</li>
 *   <li>a CSMS request: CALL frame, {@code toCommand} (the listed command type, core fields kept),
 *       {@code toRequest} (same action, only documented values lost), CALL frame, validation; its response:
 *       {@code toCommandResponse} with the status read.</li>
 * </ul>
 * docs/ocpp-protocol.md, section 8, describes the same coverage; a test here keeps it true.
 */
class RoundTripTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OcppActions CATALOG = OcppActions.catalog();
    private static final OcppSchemaValidator VALIDATOR = new OcppSchemaValidator();
    private static final SchemaSamples SAMPLES = new SchemaSamples();
    private static final RpcCodec CODEC = new RpcCodec();
    private static final ObjectMapper MAPPER = OcppJson.newObjectMapper();

    /** Statuses that mean a station took a command on (documented on {@link CommandResponse}). */
    static final Set<String> ACCEPTING_STATUSES = Set.of("Accepted", "AcceptedCanceled", "Scheduled", "Unlocked",
            "RebootRequired", "Unpublished");

    /** The samples of every schema: minimal and full from {@link SchemaSamples}, and full with distinct values. */
    enum Sample {
        MINIMAL, FULL, DISTINCT;

        ObjectNode of(OcppVersion version, String action, MessageKind kind) {
            return switch (this) {
                case MINIMAL -> SAMPLES.minimal(version, action, kind);
                case FULL -> SAMPLES.full(version, action, kind);
                case DISTINCT -> DistinctSamples.full(SAMPLES, version, action, kind);
            };
        }
    }

    static Stream<Arguments> stationRequests() {
        return everyAction(OcppAction::isSentByStation)
                .flatMap(a -> Arrays.stream(Sample.values()).map(s -> Arguments.of(a.version(), a.name(), s)));
    }

    static Stream<Arguments> csmsRequests() {
        return everyAction(OcppAction::isSentByCsms).flatMap(a -> {
            Stream<Arguments> samples = Arrays.stream(Sample.values()).map(s -> Arguments.of(a.version(), a.name(),
                    s.name(), s.of(a.version(), a.name(), MessageKind.REQUEST)));
            return Stream.concat(samples, variants(a.version(), a.name()));
        });
    }

    static Stream<Arguments> csmsResponses() {
        return everyAction(OcppAction::isSentByCsms)
                .flatMap(a -> Arrays.stream(Sample.values()).map(s -> Arguments.of(a.version(), a.name(), s)));
    }

    private static Stream<OcppAction> everyAction(Predicate<OcppAction> filter) {
        return Arrays.stream(OcppVersion.values()).flatMap(v -> CATALOG.actions(v).stream()).filter(filter);
    }

    /** Samples for the branches the others miss: 1.6 ExtendedTriggerMessage with its own triggers. */
    private static Stream<Arguments> variants(OcppVersion version, String action) {
        if (version != OcppVersion.V1_6 || !action.equals("ExtendedTriggerMessage")) {
            return Stream.empty();
        }
        return RoundTripCoverage.EXTENDED_ONLY_TRIGGERS.stream().sorted().map(trigger -> {
            ObjectNode payload = Sample.FULL.of(version, action, MessageKind.REQUEST);
            payload.put("requestedMessage", trigger);
            return Arguments.of(version, action, "FULL, requestedMessage " + trigger, payload);
        });
    }

    // ---------------------------------------------------------------- station requests

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stationRequests")
    void stationRequestSurvivesTheRoundTrip(OcppVersion version, String action, Sample sample) throws Exception {
        OcppAction info = CATALOG.find(version, action).orElseThrow();
        OcppAdapter adapter = OcppAdapter.forVersion(version, CLOCK);
        ObjectNode sent = sample.of(version, action, MessageKind.REQUEST);

        JsonNode received = receive(version, info, sent);
        assertValid(VALIDATOR.validate(version, action, MessageKind.REQUEST, received));

        StationEvent event = adapter.toCanonical(action, received);
        assertThat(event).as("canonical event of %s %s", version.label(), action)
                .isExactlyInstanceOf(RoundTripCoverage.expectedEventType(version, action, received));
        assertThat(CanonicalJson.mapper().readValue(CanonicalJson.mapper().writeValueAsString(event),
                StationEvent.class)).isEqualTo(event);
        CoreFields.assertEventKeeps(version, action, received, event);
        if (event instanceof StationEvent.RawStationMessage raw) {
            boolean responseHasRequiredFields = info.hasResponse()
                    && !Sample.MINIMAL.of(version, action, MessageKind.RESPONSE).isEmpty();
            assertThat(raw.answerRequired()).as("answerRequired: the response has required fields")
                    .isEqualTo(responseHasRequiredFields);
        }

        if (!info.hasResponse()) {
            assertThat(event.requiresDecision()).isFalse();
            return;
        }
        CsmsAnswer answer = answer(version, action, event, sample);
        JsonNode response = adapter.toResponse(action, answer);

        assertValid(VALIDATOR.validate(version, action, MessageKind.RESPONSE, response));
        assertAnswerKept(action, event, answer, response);
    }

    /**
     * Which optional parts of a full station request the canonical event does not carry: leaving one out (the
     * payload still valid) gives the same event. Matches the documented list, so docs/ocpp-protocol.md names every
     * value a consumer can only find in the StationCall's payload.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mappedStationActions")
    void eventCarriesAllButTheDocumentedParts(OcppVersion version, String action) {
        OcppAdapter adapter = OcppAdapter.forVersion(version, CLOCK);
        ObjectNode full = Sample.DISTINCT.of(version, action, MessageKind.REQUEST);
        StationEvent reference = adapter.toCanonical(action, full);

        Set<String> notCarried = new TreeSet<>();
        findNotCarried(version, action, full, "", "", adapter, reference, notCarried);
        notCarried.removeIf(path -> version.isTwoX() && path.endsWith("/customData"));

        assertThat(notCarried).as("%s %s: parts the canonical event does not carry", version.label(), action)
                .isEqualTo(new TreeSet<>(RoundTripCoverage.eventDrops(version, action)));
    }

    static Stream<Arguments> mappedStationActions() {
        return Arrays.stream(OcppVersion.values()).flatMap(v -> RoundTripCoverage.STATION_MAPPED.get(v).keySet()
                .stream().sorted().map(a -> Arguments.of(v, a)));
    }

    private static void findNotCarried(OcppVersion version, String action, ObjectNode full, String pointer,
            String shown, OcppAdapter adapter, StationEvent reference, Set<String> out) {
        JsonNode node = full.at(pointer);
        if (node.isArray() && !node.isEmpty()) {
            findNotCarried(version, action, full, pointer + "/0", shown + "/*", adapter, reference, out);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ObjectNode without = full.deepCopy();
            ((ObjectNode) without.at(pointer)).remove(name);
            boolean optional = VALIDATOR.validate(version, action, MessageKind.REQUEST, without).isValid();
            if (optional && adapter.toCanonical(action, without).equals(reference)
                    && !otherEnumValueChangesTheEvent(version, action, full, pointer + "/" + name, adapter,
                    reference)) {
                out.add(shown + "/" + name);
            } else {
                findNotCarried(version, action, full, pointer + "/" + name, shown + "/" + name, adapter, reference,
                        out);
            }
        }
    }

    /** Leaving out an enumeration whose value is the default changes nothing; another value must change the event. */
    private static boolean otherEnumValueChangesTheEvent(OcppVersion version, String action, ObjectNode full,
            String pointer, OcppAdapter adapter, StationEvent reference) {
        JsonNode schema = SAMPLES.schema(version, action, MessageKind.REQUEST);
        JsonNode property = schema;
        for (String segment : pointer.substring(1).split("/")) {
            property = resolve(schema, property);
            property = segment.matches("\\d+") ? property.path("items") : property.path("properties").path(segment);
        }
        property = resolve(schema, property);
        int at = pointer.lastIndexOf('/');
        for (JsonNode value : property.path("enum")) {
            if (!value.equals(full.at(pointer))) {
                ObjectNode changed = full.deepCopy();
                ((ObjectNode) changed.at(pointer.substring(0, at))).set(pointer.substring(at + 1), value);
                if (!adapter.toCanonical(action, changed).equals(reference)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /** The sample as a frame text, parsed as the gateway does: a CALL, or a SEND for a one-way action. */
    private static JsonNode receive(OcppVersion version, OcppAction info, ObjectNode payload) throws Exception {
        ArrayNode frame = MAPPER.createArrayNode();
        frame.add(info.requestMessageType() == MessageType.SEND ? 6 : 2).add("rt-" + info.name()).add(info.name())
                .add(payload);
        RpcParseResult result = CODEC.parse(version, MAPPER.writeValueAsString(frame));

        assertThat(result).isInstanceOf(RpcParseResult.Parsed.class);
        RpcMessage message = ((RpcParseResult.Parsed) result).message();
        if (info.requestMessageType() == MessageType.SEND) {
            assertThat(message).isInstanceOfSatisfying(Send.class, send -> {
                assertThat(send.action()).isEqualTo(info.name());
                assertThat(JsonDifferences.between(payload, send.payload())).isEmpty();
            });
            return ((Send) message).payload();
        }
        assertThat(message).isInstanceOfSatisfying(Call.class, call -> {
            assertThat(call.action()).isEqualTo(info.name());
            assertThat(JsonDifferences.between(payload, call.payload())).isEmpty();
        });
        return ((Call) message).payload();
    }

    /** What a service would answer: a decision where one is needed, nothing for notifications, raw for raw. */
    private static CsmsAnswer answer(OcppVersion version, String action, StationEvent event, Sample sample) {
        if (event instanceof StationEvent.RawStationMessage) {
            return new CsmsAnswer.RawAnswer(sample.of(version, action, MessageKind.RESPONSE));
        }
        if (!event.requiresDecision()) {
            return new CsmsAnswer.EmptyAnswer();
        }
        if (event instanceof StationEvent.BootNotification) {
            return new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Accepted, 300, null,
                    new StatusInfo("Welcome", "first boot"));
        }
        if (event instanceof StationEvent.Authorize authorize) {
            return new CsmsAnswer.AuthorizeAnswer(CanonicalSamples.RICH_INFO,
                    authorize.certificate() != null || !authorize.iso15118CertificateHashData().isEmpty()
                            ? AuthorizeCertificateStatus.Accepted : null);
        }
        if (event instanceof StationEvent.TransactionEvent tx) {
            return new CsmsAnswer.TransactionEventAnswer(tx.transactionId() == null ? 4711 : null,
                    tx.idToken() == null ? null : IdTokenInfo.of(AuthorizationStatus.Accepted),
                    new BigDecimal("12.34"), 1, new MessageContent(MessageFormat.ASCII, "en", "12.34 EUR so far"));
        }
        if (event instanceof StationEvent.DataTransfer) {
            return new CsmsAnswer.DataTransferAnswer(DataTransferStatus.Accepted, TextNode.valueOf("ok"),
                    new StatusInfo("Done", null));
        }
        if (event instanceof StationEvent.SignCertificate) {
            return new CsmsAnswer.SignCertificateAnswer(GenericStatus.Accepted, new StatusInfo("Queued", null));
        }
        throw new AssertionError(event.getClass().getSimpleName() + " needs a decision the test does not know");
    }

    /** The decision reached the response. */
    private static void assertAnswerKept(String action, StationEvent event, CsmsAnswer answer, JsonNode response) {
        if (answer instanceof CsmsAnswer.RawAnswer raw) {
            assertThat(response).isEqualTo(raw.payload());
        } else if (event instanceof StationEvent.Heartbeat) {
            assertThat(response.path("currentTime").asText()).isEqualTo(NOW.toString());
        } else if (answer instanceof CsmsAnswer.EmptyAnswer) {
            assertThat(response.isEmpty()).as("empty answer to %s: %s", action, response).isTrue();
        } else if (answer instanceof CsmsAnswer.BootNotificationAnswer) {
            assertThat(response.path("status").asText()).isEqualTo("Accepted");
            assertThat(response.path("interval").asInt()).isEqualTo(300);
            assertThat(response.path("currentTime").asText()).isEqualTo(NOW.toString());
        } else if (answer instanceof CsmsAnswer.AuthorizeAnswer) {
            assertThat(status(response, "idTagInfo", "idTokenInfo")).isEqualTo("Accepted");
        } else if (answer instanceof CsmsAnswer.TransactionEventAnswer tx) {
            if (tx.assignedTransactionId() != null) {
                assertThat(response.path("transactionId").asInt()).isEqualTo(4711);
            }
            if (tx.idTokenInfo() != null) {
                assertThat(status(response, "idTagInfo", "idTokenInfo")).isEqualTo("Accepted");
            }
        } else if (answer instanceof CsmsAnswer.DataTransferAnswer) {
            assertThat(response.path("status").asText()).isEqualTo("Accepted");
            assertThat(response.path("data").asText()).isEqualTo("ok");
        } else if (answer instanceof CsmsAnswer.SignCertificateAnswer) {
            assertThat(response.path("status").asText()).isEqualTo("Accepted");
        }
    }

    private static String status(JsonNode response, String name16, String name2x) {
        JsonNode info = response.has(name16) ? response.get(name16) : response.get(name2x);
        assertThat(info).as("%s or %s in %s", name16, name2x, response).isNotNull();
        return info.path("status").asText();
    }

    // ---------------------------------------------------------------- CSMS requests

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("csmsRequests")
    void commandSurvivesTheRoundTrip(OcppVersion version, String action, String sample, ObjectNode request)
            throws Exception {
        OcppAdapter adapter = OcppAdapter.forVersion(version, CLOCK);
        assertValid(VALIDATOR.validate(version, action, MessageKind.REQUEST, request));
        // As the simulator (or a log reader) sees it: parsed from a CALL frame.
        request = throughCallFrame(version, new OcppRequest(action, request));

        StationCommand command = adapter.toCommand(action, request);
        assertThat(command).as("canonical command of %s %s", version.label(), action)
                .isExactlyInstanceOf(RoundTripCoverage.expectedCommandType(version, action, request));
        assertThat(CanonicalJson.mapper().readValue(CanonicalJson.mapper().writeValueAsString(command),
                StationCommand.class)).isEqualTo(command);
        CoreFields.assertCommandKeeps(version, action, request, command);

        OcppRequest again = adapter.toRequest(command);
        assertThat(again.action()).isEqualTo(action);
        JsonNode received = throughCallFrame(version, again);
        assertValid(VALIDATOR.validate(version, action, MessageKind.REQUEST, received));

        Set<String> lost = JsonDifferences.between(request, received).stream()
                .filter(path -> !(version.isTwoX() && path.startsWith("-") && path.endsWith("/customData")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(RoundTripCoverage.commandDrops(version, action));
        if (!sample.startsWith(Sample.MINIMAL.name())) {
            assertThat(lost).as("what %s %s loses (full sample)", version.label(), action).isEqualTo(documented);
        } else {
            assertThat(documented).as("what %s %s loses (minimal sample)", version.label(), action)
                    .containsAll(lost);
        }
    }

    /** The request as the station receives it: serialized as a CALL and parsed again. */
    private static ObjectNode throughCallFrame(OcppVersion version, OcppRequest request) {
        String text = CODEC.serialize(version, new Call("cmd-1", request.action(), (ObjectNode) request.payload()));
        RpcParseResult result = CODEC.parse(version, text);
        assertThat(result).isInstanceOf(RpcParseResult.Parsed.class);
        RpcMessage message = ((RpcParseResult.Parsed) result).message();
        assertThat(message).isInstanceOf(Call.class);
        assertThat(((Call) message).action()).isEqualTo(request.action());
        assertThat(JsonDifferences.between(request.payload(), ((Call) message).payload())).isEmpty();
        return ((Call) message).payload();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("csmsResponses")
    void commandResponseIsRead(OcppVersion version, String action, Sample sample) {
        ObjectNode payload = sample.of(version, action, MessageKind.RESPONSE);

        CommandResponse response = OcppAdapter.forVersion(version, CLOCK).toCommandResponse(action, payload);

        String status = payload.hasNonNull("status") ? payload.get("status").asText() : null;
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.accepted()).as("accepted for status %s", status).isEqualTo(status == null
                ? !(version == OcppVersion.V1_6 && action.equals("GetDiagnostics")) || payload.has("fileName")
                : ACCEPTING_STATUSES.contains(status));
        assertThat(response.statusInfo() == null ? null : response.statusInfo().reasonCode())
                .isEqualTo(payload.has("statusInfo") ? payload.at("/statusInfo/reasonCode").asText() : null);
        assertThat(response.rawResponse()).isEqualTo(payload);
        CoreFields.assertResponseDetails(version, action, payload, response);
    }

    /** Every status value of every command response, not only the first and the last that the samples use. */
    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void everyCommandStatusIsReadAsAcceptedOrNot(OcppVersion version) {
        OcppAdapter adapter = OcppAdapter.forVersion(version, CLOCK);
        Set<String> seen = new HashSet<>();
        for (OcppAction action : CATALOG.actions(version)) {
            if (!action.isSentByCsms()) {
                continue;
            }
            JsonNode schema = SAMPLES.schema(version, action.name(), MessageKind.RESPONSE);
            for (String status : statusValues(schema)) {
                ObjectNode payload = Sample.MINIMAL.of(version, action.name(), MessageKind.RESPONSE);
                payload.put("status", status);
                assertThat(adapter.toCommandResponse(action.name(), payload).accepted())
                        .as("%s %s status %s", version.label(), action.name(), status)
                        .isEqualTo(ACCEPTING_STATUSES.contains(status));
                seen.add(status);
            }
        }
        assertThat(seen).contains("Accepted", "Rejected", "Unlocked");
    }

    private static List<String> statusValues(JsonNode schema) {
        JsonNode status = schema.at("/properties/status");
        if (status.has("$ref")) {
            status = schema.at(status.get("$ref").asText().substring(1));
        }
        List<String> values = new ArrayList<>();
        status.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    // ---------------------------------------------------------------- the lists

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void listedActionsExistAndAreSentByTheRightSide(OcppVersion version) {
        RoundTripCoverage.STATION_MAPPED.get(version).keySet().forEach(action -> assertThat(
                CATALOG.find(version, action)).as("%s %s", version.label(), action)
                .hasValueSatisfying(a -> assertThat(a.isSentByStation()).isTrue()));
        RoundTripCoverage.COMMAND_MAPPED.get(version).keySet().forEach(action -> assertThat(
                CATALOG.find(version, action)).as("%s %s", version.label(), action)
                .hasValueSatisfying(a -> assertThat(a.isSentByCsms()).isTrue()));
        RoundTripCoverage.COMMAND_DROPS.get(version).keySet().forEach(action -> assertThat(
                RoundTripCoverage.COMMAND_MAPPED.get(version)).as("drops listed for %s", action).containsKey(action));
    }

    @Test
    void coversEveryActionOfEveryVersionInEveryDirection() {
        Set<String> covered = Stream.concat(stationRequests(), csmsRequests())
                .map(a -> ((OcppVersion) a.get()[0]).label() + " " + a.get()[1]).collect(Collectors.toSet());
        Set<String> catalog = Arrays.stream(OcppVersion.values())
                .flatMap(v -> CATALOG.actions(v).stream().map(a -> v.label() + " " + a.name()))
                .collect(Collectors.toSet());

        assertThat(covered).isEqualTo(catalog).hasSize(39 + 64 + 91);
        // DataTransfer is sent both ways, so it is in both directions of each version.
        assertThat(stationRequests().filter(a -> a.get()[1].equals("DataTransfer")).count()).isEqualTo(9);
        assertThat(csmsRequests().filter(a -> a.get()[1].equals("DataTransfer")).count()).isEqualTo(9);
    }

    /** docs/ocpp-protocol.md, section 8, lists every action with what it maps to, as the lists here say. */
    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void docsTablesMatchTheLists(OcppVersion version) throws Exception {
        // Surefire runs in the module directory; the document lives in the repository's docs/.
        String doc = Files.readString(Path.of("../docs/ocpp-protocol.md"));
        String section = doc.substring(doc.indexOf("## 8. Round trip coverage"));
        int start = section.indexOf("### OCPP " + version.label() + "\n");
        assertThat(start).as("table for %s", version.label()).isNotNegative();
        int end = section.indexOf("\n### ", start + 1);
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : section.substring(start, end < 0 ? section.length() : end).split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| action ")) {
                List<String> cells = Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
                rows.put(cells.get(1), cells.subList(2, cells.size() - 1));
            }
        }

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                CATALOG.actions(version).stream().map(OcppAction::name).toList());
        for (OcppAction action : CATALOG.actions(version)) {
            List<String> cells = rows.get(action.name());
            String event = RoundTripCoverage.STATION_MAPPED.get(version).containsKey(action.name())
                    ? RoundTripCoverage.STATION_MAPPED.get(version).get(action.name()).getSimpleName() : "raw";
            String command = RoundTripCoverage.COMMAND_MAPPED.get(version).containsKey(action.name())
                    ? RoundTripCoverage.COMMAND_MAPPED.get(version).get(action.name()).getSimpleName() : "raw";
            assertThat(firstWord(cells.get(0))).as("%s %s, station to CSMS", version.label(), action.name())
                    .isEqualTo(action.isSentByStation() ? event : "—");
            assertThat(firstWord(cells.get(1))).as("%s %s, CSMS to station", version.label(), action.name())
                    .isEqualTo(action.isSentByCsms() ? command : "—");
            if (!RoundTripCoverage.eventDrops(version, action.name()).isEmpty()
                    || !RoundTripCoverage.commandDrops(version, action.name()).isEmpty()) {
                assertThat(cells.get(2)).as("%s %s, not carried", version.label(), action.name()).isNotBlank();
            }
        }
        Stream.concat(RoundTripCoverage.EVENT_DROPS.get(version).values().stream(),
                        RoundTripCoverage.COMMAND_DROPS.get(version).values().stream())
                .flatMap(List::stream).map(path -> path.substring(path.lastIndexOf('/') + 1))
                .forEach(field -> assertThat(section).as("section 8 explains `%s`", field)
                        .contains("`" + field + "`"));
    }

    private static String firstWord(String cell) {
        return cell.replaceFirst("^`?([A-Za-z]+).*$", "$1");
    }

    private static void assertValid(ValidationResult result) {
        assertThat(result.isValid()).as("%s", result).isTrue();
    }
}
