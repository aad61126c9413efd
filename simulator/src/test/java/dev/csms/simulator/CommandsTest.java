package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppAction;
import dev.csms.ocpp.schema.OcppActions;
import dev.csms.ocpp.schema.SchemaSamples;
import dev.csms.simulator.station.commands.CommandHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action the CSMS can send in a version, with the smallest and the fullest valid payload the schema
 * allows: a simulated action is answered with a schema-valid CALLRESULT (the test CSMS validates it), any other
 * with CALLERROR NotSupported; nothing ends in an InternalError.
 */
class CommandsTest extends SimulatorTestSupport {

    private static final SchemaSamples SAMPLES = new SchemaSamples();

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void answersEveryCommandWithASchemaValidResponse(OcppVersion version) throws Exception {
        SimulatedStation station = station(StationConfig.builder("CMD-" + version.label(), version).connectors(2)
                .behaviour(behaviour().build()).build());
        station.start();
        awaitAccepted(station);
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        Set<String> simulated = CommandHandlers.forVersion(version).simulatedActions();
        assertThat(simulated).containsAll(TestCsms.mustAnswer(version));
        Set<String> notSupported = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        for (OcppAction action : OcppActions.catalog().actions(version)) {
            // Reset reboots the station: ResetTest covers it
            if (!action.isSentByCsms() || action.name().equals("Reset")) {
                continue;
            }
            for (ObjectNode request : List.of(SAMPLES.minimal(version, action.name(), MessageKind.REQUEST),
                    SAMPLES.full(version, action.name(), MessageKind.REQUEST))) {
                awaitAccepted(station);
                RpcMessage answer = command(station.id(), action.name(), request);
                if (answer instanceof CallResult) {
                    if (!simulated.contains(action.name())) {
                        unexpected.add(action.name() + " answered but not listed as simulated");
                    }
                } else {
                    CallError error = (CallError) answer;
                    if (!simulated.contains(action.name())
                            && error.code(version).orElseThrow() == RpcErrorCode.NOT_SUPPORTED) {
                        notSupported.add(action.name());
                    } else {
                        unexpected.add(action.name() + " " + request + " -> " + error);
                    }
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(notSupported).doesNotContainAnyElementsOf(TestCsms.mustAnswer(version));
        if (version == OcppVersion.V1_6) {
            assertThat(notSupported).isEmpty();
        } else {
            assertThat(notSupported).contains("SetDisplayMessage", "SetNetworkProfile");
        }
        assertThat(simulator.stats().snapshot().csmsCall("GetCompositeSchedule").results()).isEqualTo(2);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void anUnknownActionIsNotImplementedAndAnInvalidPayloadGetsTheVersionsErrorCode(OcppVersion version)
            throws Exception {
        SimulatedStation station = started("BAD-" + version.label(), version);
        RpcMessage unknown = command(station.id(), "FlyToTheMoon", json());
        assertThat(((CallError) unknown).errorCode()).isEqualTo("NotImplemented");

        RpcMessage stationAction = command(station.id(), "Heartbeat", json());
        assertThat(((CallError) stationAction).errorCode()).isEqualTo("NotImplemented");

        RpcMessage invalid = command(station.id(), "Reset", json().put("type", "Sideways"));
        assertThat(((CallError) invalid).errorCode()).isEqualTo("PropertyConstraintViolation");
        RpcMessage missing = command(station.id(), "ClearCache", json().put("surprise", 1));
        assertThat(((CallError) missing).errorCode())
                .isEqualTo(version.isTwoX() ? "FormatViolation" : "FormationViolation");
        assertThat(simulator.stats().snapshot().violationsReceived()).containsKeys("Reset request",
                "ClearCache request");
        assertThat(simulator.stats().snapshot().errorsSent()).containsEntry("NotImplemented", 2L);
        assertThat(station.bootState()).isEqualTo(BootState.ACCEPTED);
    }
}
