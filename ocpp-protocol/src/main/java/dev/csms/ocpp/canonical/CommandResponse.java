package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A station's CALLRESULT to a command, normalized.
 *
 * <p>{@code accepted} is true when the station's {@code status} is Accepted, AcceptedCanceled, Scheduled,
 * Unlocked, RebootRequired (1.6 ChangeConfiguration: the value is set and applies after a reboot) or Unpublished
 * (2.x UnpublishFirmware), or when the response has no status at all (1.6 UpdateFirmware, GetConfiguration, 2.x
 * GetVariables: then the content is in {@code rawResponse}). A 1.6 GetDiagnostics is accepted when the station
 * names a file. Every other status (Rejected, NotSupported, EmptyResultSet, NoProfiles, ...) is not accepted.
 *
 * @param accepted           whether the station took the command on
 * @param status             the status string the station sent, e.g. {@code Rejected}, {@code NotSupported};
 *                           null when the response has none
 * @param statusInfo         detail (2.x); null for none
 * @param transactionId      the transaction a 2.x RequestStartTransaction answer names; null otherwise
 * @param fileName           the file a GetLog / GetDiagnostics answer names; null otherwise
 * @param data               the data of a DataTransfer answer; null otherwise
 * @param compositeSchedule  the schedule of a GetCompositeSchedule answer; null otherwise
 * @param rawResponse        the CALLRESULT payload as received
 */
public record CommandResponse(boolean accepted, String status, StatusInfo statusInfo, String transactionId,
        String fileName, JsonNode data, CompositeSchedule compositeSchedule, JsonNode rawResponse) {
    public CommandResponse {
        Objects.requireNonNull(rawResponse, "rawResponse");
    }
}
