package dev.csms.simulator.station;

import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;

/**
 * A diagnostics (1.6 GetDiagnostics) or log (GetLog) upload: Uploading, then after {@code firmwareStepDuration}
 * Uploaded, or the version's failure status when the behaviour says uploads fail.
 */
public final class LogUploader {

    private final StationRuntime station;
    private String lastStatus = "Idle";
    private Integer lastRequestId;
    private boolean lastDiagnostics;

    LogUploader(StationRuntime station) {
        this.station = station;
    }

    /**
     * Uploads.
     *
     * @param requestId   the GetLog request id (null for GetDiagnostics)
     * @param diagnostics a 1.6 GetDiagnostics (reported with DiagnosticsStatusNotification)
     */
    public void upload(Integer requestId, boolean diagnostics) {
        report("Uploading", requestId, diagnostics);
        station.schedule(station.behaviour().firmwareStepDuration(), () -> {
            String failed = diagnostics ? "UploadFailed" : "UploadFailure";
            report(station.behaviour().logUploadFails() ? failed : "Uploaded", requestId, diagnostics);
        });
    }

    /** Sends the last status again (TriggerMessage); Idle when nothing is uploading. */
    public void reportCurrent(boolean diagnostics) {
        String status = "Uploading".equals(lastStatus) ? lastStatus : "Idle";
        send(status, diagnostics == lastDiagnostics ? lastRequestId : null, diagnostics);
    }

    private void report(String status, Integer requestId, boolean diagnostics) {
        lastStatus = status;
        lastRequestId = requestId;
        lastDiagnostics = diagnostics;
        send(status, requestId, diagnostics);
    }

    private void send(String status, Integer requestId, boolean diagnostics) {
        station.send(OutgoingCall.of(station.messages().uploadStatusAction(diagnostics),
                station.messages().uploadStatus(status, requestId, diagnostics), CallKind.REQUESTED));
    }
}
