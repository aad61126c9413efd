package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.ocpp.schema.OcppAction;
import dev.csms.ocpp.schema.OcppActions;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.StationRuntime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every command handler, by version and action. An action the CSMS may send in the version but the simulator
 * does not simulate (display messages, monitoring, DER control, tariffs, ...) is answered with CALLERROR
 * NotSupported ("recognized but not supported", what a station without that feature answers); an action the
 * version does not know at all with NotImplemented (the channel already answers those before they get here).
 */
public final class CommandHandlers {

    private static final List<CommandHandler> HANDLERS = List.of(
            new RequestStartTransactionHandler(), new RequestStopTransactionHandler(), new ResetHandler(),
            new UnlockConnectorHandler(), new ChangeAvailabilityHandler(), new GetConfigurationHandler(),
            new ChangeConfigurationHandler(), new GetVariablesHandler(), new SetVariablesHandler(),
            new GetBaseReportHandler(), new GetReportHandler(), new TriggerMessageHandler(),
            new ExtendedTriggerMessageHandler(), new UpdateFirmwareHandler(), new SignedUpdateFirmwareHandler(),
            new GetDiagnosticsHandler(), new GetLogHandler(), new ReserveNowHandler(), new CancelReservationHandler(),
            new SendLocalListHandler(), new GetLocalListVersionHandler(), new ClearCacheHandler(),
            new SetChargingProfileHandler(), new ClearChargingProfileHandler(), new GetCompositeScheduleHandler(),
            new GetChargingProfilesHandler(), new CertificateSignedHandler(), new InstallCertificateHandler(),
            new GetInstalledCertificateIdsHandler(), new DeleteCertificateHandler(), new DataTransferHandler(),
            new GetTransactionStatusHandler(), new CostUpdatedHandler());

    private static final Map<OcppVersion, CommandHandlers> BY_VERSION = new EnumMap<>(OcppVersion.class);

    static {
        for (OcppVersion version : OcppVersion.values()) {
            BY_VERSION.put(version, new CommandHandlers(version));
        }
    }

    private final OcppVersion version;
    private final Map<String, CommandHandler> byAction = new HashMap<>();

    private CommandHandlers(OcppVersion version) {
        this.version = version;
        for (CommandHandler handler : HANDLERS) {
            for (String action : handler.actions(version)) {
                if (!OcppActions.catalog().find(version, action).map(OcppAction::isSentByCsms).orElse(false)) {
                    throw new IllegalStateException(handler.getClass().getSimpleName() + " claims " + action
                            + ", which the CSMS cannot send in OCPP " + version.label());
                }
                if (byAction.put(action, handler) != null) {
                    throw new IllegalStateException("two handlers for " + action + " in OCPP " + version.label());
                }
            }
        }
    }

    /** The handlers of a version. */
    public static CommandHandlers forVersion(OcppVersion version) {
        return BY_VERSION.get(version);
    }

    /** The CSMS-initiated actions this version's stations simulate (the others are answered NotSupported). */
    public Set<String> simulatedActions() {
        return new TreeSet<>(byAction.keySet());
    }

    /** Answers a CSMS CALL. */
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        CommandHandler handler = byAction.get(action);
        if (handler != null) {
            return handler.handle(station, action, request);
        }
        boolean known = OcppActions.catalog().find(version, action).map(OcppAction::isSentByCsms).orElse(false);
        return known
                ? Reply.error(RpcErrorCode.NOT_SUPPORTED, action + " is not supported by this station")
                : Reply.error(RpcErrorCode.NOT_IMPLEMENTED, action + " is not an action a station answers");
    }
}
