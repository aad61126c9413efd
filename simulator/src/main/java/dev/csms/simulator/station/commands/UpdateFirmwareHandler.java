package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.CertificateStore;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * UpdateFirmware. 1.6: an empty answer, then FirmwareStatusNotification Downloading, Downloaded, Installing,
 * Installed and a reboot (see {@link dev.csms.simulator.station.FirmwareUpdater}). 2.x: Accepted (AcceptedCanceled
 * when it replaces a running update, InvalidCertificate when the signing certificate is not a certificate), the
 * same sequence with requestId, plus SignatureVerified when the firmware comes with a signature.
 */
final class UpdateFirmwareHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("UpdateFirmware");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        if (!station.version().isTwoX()) {
            String location = request.path("location").asText();
            Instant retrieve = instant(request.path("retrieveDate"));
            return Reply.result(Json.object(),
                    () -> station.firmware().start(null, location, retrieve, null, false, false));
        }
        return startSigned(station, request, false);
    }

    /** The 2.x and 1.6 SignedUpdateFirmware flow, whose requests share the FirmwareType shape. */
    static Reply startSigned(StationRuntime station, ObjectNode request, boolean signedAction) {
        JsonNode firmware = request.path("firmware");
        String certificate = Json.text(firmware, "signingCertificate");
        if (certificate != null) {
            try {
                CertificateStore.parse(certificate);
            } catch (CertificateException e) {
                return Reply.result(Json.status("InvalidCertificate"));
            }
        }
        String status = station.firmware().busy() ? "AcceptedCanceled" : "Accepted";
        int requestId = request.path("requestId").asInt();
        String location = firmware.path("location").asText();
        Instant retrieve = instant(firmware.path("retrieveDateTime"));
        Instant install = instant(firmware.path("installDateTime"));
        boolean signature = firmware.hasNonNull("signature");
        return Reply.result(Json.status(status), () -> station.firmware().start(requestId, location, retrieve,
                install, signedAction, signature));
    }

    static Instant instant(JsonNode node) {
        return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
    }
}
