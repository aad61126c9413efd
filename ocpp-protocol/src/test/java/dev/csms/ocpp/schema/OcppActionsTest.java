package dev.csms.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OcppActionsTest {

    private final OcppActions catalog = OcppActions.catalog();

    @Test
    void derivesEveryActionFromTheSchemaFiles() {
        assertThat(catalog.actions(OcppVersion.V1_6)).hasSize(39);
        assertThat(catalog.actions(OcppVersion.V2_0_1)).hasSize(64);
        assertThat(catalog.actions(OcppVersion.V2_1)).hasSize(91);
        assertThat(catalog.actions(OcppVersion.V1_6)).extracting(OcppAction::name)
                .isSorted()
                .contains("BootNotification", "RemoteStartTransaction", "SignCertificate", "SignedUpdateFirmware")
                .doesNotContain("BootNotificationResponse", "TransactionEvent");
        assertThat(catalog.actions(OcppVersion.V2_0_1)).extracting(OcppAction::name)
                .contains("TransactionEvent", "RequestStartTransaction")
                .doesNotContain("RemoteStartTransaction", "NotifyPeriodicEventStream");
    }

    @Test
    void knowsWhoInitiatesAnAction() {
        assertThat(initiator(OcppVersion.V1_6, "BootNotification")).isEqualTo(Initiator.STATION);
        assertThat(initiator(OcppVersion.V1_6, "RemoteStartTransaction")).isEqualTo(Initiator.CSMS);
        assertThat(initiator(OcppVersion.V1_6, "SignCertificate")).isEqualTo(Initiator.STATION);
        assertThat(initiator(OcppVersion.V1_6, "InstallCertificate")).isEqualTo(Initiator.CSMS);
        assertThat(initiator(OcppVersion.V2_0_1, "TransactionEvent")).isEqualTo(Initiator.STATION);
        assertThat(initiator(OcppVersion.V2_0_1, "RequestStartTransaction")).isEqualTo(Initiator.CSMS);
        assertThat(initiator(OcppVersion.V2_1, "NotifyAllowedEnergyTransfer")).isEqualTo(Initiator.CSMS);
        assertThat(initiator(OcppVersion.V2_1, "PullDynamicScheduleUpdate")).isEqualTo(Initiator.STATION);
        for (OcppVersion version : OcppVersion.values()) {
            OcppAction dataTransfer = catalog.find(version, "DataTransfer").orElseThrow();
            assertThat(dataTransfer.initiator()).isEqualTo(Initiator.BOTH);
            assertThat(dataTransfer.isSentByStation()).isTrue();
            assertThat(dataTransfer.isSentByCsms()).isTrue();
        }
        OcppAction heartbeat = catalog.find(OcppVersion.V2_1, "Heartbeat").orElseThrow();
        assertThat(heartbeat.isSentByStation()).isTrue();
        assertThat(heartbeat.isSentByCsms()).isFalse();
    }

    @Test
    void notifyPeriodicEventStreamIsTheOnlyActionWithoutResponse() {
        List<OcppAction> oneWay = java.util.Arrays.stream(OcppVersion.values())
                .flatMap(v -> catalog.actions(v).stream())
                .filter(a -> !a.hasResponse())
                .toList();

        assertThat(oneWay).singleElement().satisfies(action -> {
            assertThat(action.version()).isEqualTo(OcppVersion.V2_1);
            assertThat(action.name()).isEqualTo("NotifyPeriodicEventStream");
            assertThat(action.requestMessageType()).isEqualTo(MessageType.SEND);
            assertThat(action.initiator()).isEqualTo(Initiator.STATION);
            assertThat(action.schemaResource(MessageKind.RESPONSE)).isEmpty();
            assertThat(action.messageClassName(MessageKind.REQUEST))
                    .contains("dev.csms.ocpp.v21.messages.NotifyPeriodicEventStream");
        });
    }

    @Test
    void pointsAtTheSchemaFileAndTheGeneratedClass() {
        OcppAction v16 = catalog.find(OcppVersion.V1_6, "BootNotification").orElseThrow();
        OcppAction v201 = catalog.find(OcppVersion.V2_0_1, "BootNotification").orElseThrow();

        assertThat(v16.schemaResource(MessageKind.REQUEST)).contains("ocpp-schemas/v16/BootNotification.json");
        assertThat(v16.schemaResource(MessageKind.RESPONSE)).contains("ocpp-schemas/v16/BootNotificationResponse.json");
        assertThat(v16.messageClass(MessageKind.REQUEST))
                .contains(dev.csms.ocpp.v16.messages.bootnotification.BootNotificationRequest.class);
        assertThat(v201.schemaResource(MessageKind.REQUEST)).contains("ocpp-schemas/v201/BootNotificationRequest.json");
        assertThat(v201.messageClass(MessageKind.RESPONSE))
                .contains(dev.csms.ocpp.v201.messages.BootNotificationResponse.class);
        assertThat(v201.requestMessageType()).isEqualTo(MessageType.CALL);
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void everyActionHasItsGeneratedClasses(OcppVersion version) {
        for (OcppAction action : catalog.actions(version)) {
            assertThat(action.messageClass(MessageKind.REQUEST)).as(action.toString()).isPresent();
            assertThat(action.messageClass(MessageKind.RESPONSE).isPresent()).isEqualTo(action.hasResponse());
        }
    }

    @Test
    void unknownActionsAreNotFound() {
        assertThat(catalog.find(OcppVersion.V2_0_1, "RemoteStartTransaction")).isEmpty();
        assertThat(catalog.isKnown(OcppVersion.V1_6, "bootnotification")).isFalse();
        assertThat(catalog.isKnown(OcppVersion.V1_6, "BootNotification")).isTrue();
    }

    private Initiator initiator(OcppVersion version, String action) {
        return catalog.find(version, action).orElseThrow().initiator();
    }
}
