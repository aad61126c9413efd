package dev.csms.simulator.station;

import dev.csms.simulator.FirmwareFailure;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.time.SimClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A firmware update the way a station runs it: wait for the retrieve time, Downloading, Downloaded,
 * (SignatureVerified, for a signed update), wait for the install time and for running transactions to end,
 * Installing, Installed, then reboot with the new firmware version (BootNotification reason FirmwareUpdate).
 * Each step takes {@code firmwareStepDuration}; the behaviour's {@link FirmwareFailure} ends the sequence with
 * DownloadFailed, InvalidSignature or InstallationFailed. A new update cancels the running one.
 */
public final class FirmwareUpdater {

    private final StationRuntime station;
    private Update current;
    private String lastStatus = "Idle";
    private Integer lastRequestId;
    private boolean lastSigned;

    private static final class Update {
        final Integer requestId;
        final String location;
        final Instant installAt;
        final boolean signedAction;
        final boolean verifySignature;
        SimClock.Timer timer;
        boolean cancelled;

        Update(Integer requestId, String location, Instant installAt, boolean signedAction, boolean verifySignature) {
            this.requestId = requestId;
            this.location = location;
            this.installAt = installAt;
            this.signedAction = signedAction;
            this.verifySignature = verifySignature;
        }
    }

    FirmwareUpdater(StationRuntime station) {
        this.station = station;
    }

    /** Whether an update is running. */
    public boolean busy() {
        return current != null;
    }

    /**
     * Starts an update (cancelling a running one).
     *
     * @param requestId       the 2.x / 1.6-signed request id (null for 1.6 UpdateFirmware)
     * @param location        where the firmware is
     * @param retrieveAt      when to download (past: now)
     * @param installAt       when to install at the earliest (null: right after the download)
     * @param signedAction    1.6 SignedUpdateFirmware (reported with SignedFirmwareStatusNotification)
     * @param verifySignature whether a signature comes with it (adds SignatureVerified)
     */
    public void start(Integer requestId, String location, Instant retrieveAt, Instant installAt, boolean signedAction,
            boolean verifySignature) {
        cancel();
        Update update = new Update(requestId, location, installAt, signedAction, verifySignature);
        current = update;
        Duration wait = retrieveAt == null ? Duration.ZERO : Duration.between(station.now(), retrieveAt);
        step(update, wait.isNegative() ? Duration.ZERO : wait, () -> download(update));
    }

    /** Stops the running update without reporting (a new one replaces it). */
    public void cancel() {
        if (current != null) {
            current.cancelled = true;
            if (current.timer != null) {
                current.timer.cancel();
            }
            current = null;
        }
    }

    /**
     * Sends the last status again (TriggerMessage FirmwareStatusNotification): Idle when nothing runs (Installed
     * right after an installation). {@code signed}: as 1.6 SignedFirmwareStatusNotification; the plain 1.6
     * message knows fewer statuses, so signature steps are reported as their nearest plain status.
     */
    public void reportCurrent(boolean signed) {
        String status = current == null && !"Installed".equals(lastStatus) ? "Idle" : lastStatus;
        if (!signed && !station.version().isTwoX()) {
            status = switch (status) {
                case "SignatureVerified" -> "Downloaded";
                case "InvalidSignature" -> "InstallationFailed";
                default -> status;
            };
        }
        send(status, lastRequestId, signed);
    }

    private void download(Update update) {
        report(update, "Downloading");
        step(update, stepDuration(), () -> {
            if (failure() == FirmwareFailure.DOWNLOAD) {
                finish(update, "DownloadFailed");
                return;
            }
            report(update, "Downloaded");
            if (update.verifySignature) {
                step(update, stepDuration(), () -> {
                    if (failure() == FirmwareFailure.SIGNATURE) {
                        finish(update, "InvalidSignature");
                        return;
                    }
                    report(update, "SignatureVerified");
                    awaitInstall(update);
                });
            } else {
                awaitInstall(update);
            }
        });
    }

    private void awaitInstall(Update update) {
        Duration wait = update.installAt == null ? Duration.ZERO : Duration.between(station.now(), update.installAt);
        step(update, wait.isNegative() ? Duration.ZERO : wait, () -> station.whenIdle(() -> {
            if (!update.cancelled) {
                install(update);
            }
        }));
    }

    private void install(Update update) {
        report(update, "Installing");
        step(update, stepDuration(), () -> {
            FirmwareFailure failure = failure();
            if (failure == FirmwareFailure.INSTALL
                    || (failure == FirmwareFailure.SIGNATURE && !update.verifySignature)) {
                finish(update, "InstallationFailed");
                return;
            }
            finish(update, "Installed");
            station.installFirmware(versionFrom(update.location));
        });
    }

    private void finish(Update update, String status) {
        report(update, status);
        if (current == update) {
            current = null;
        }
    }

    private void report(Update update, String status) {
        if (update.cancelled) {
            return;
        }
        lastStatus = status;
        lastRequestId = update.requestId;
        lastSigned = update.signedAction;
        send(status, update.requestId, update.signedAction);
    }

    private void send(String status, Integer requestId, boolean signed) {
        station.send(OutgoingCall.of(station.messages().firmwareStatusAction(signed),
                station.messages().firmwareStatus(status, requestId, signed), CallKind.REQUESTED));
    }

    private void step(Update update, Duration delay, Runnable next) {
        if (update.cancelled) {
            return;
        }
        update.timer = station.schedule(delay, () -> {
            if (!update.cancelled) {
                next.run();
            }
        });
    }

    private Duration stepDuration() {
        return station.behaviour().firmwareStepDuration();
    }

    private FirmwareFailure failure() {
        return station.behaviour().firmwareFailure();
    }

    /** The version the firmware file name suggests: {@code .../charger-2.0.0.bin} installs {@code charger-2.0.0}. */
    static String versionFrom(String location) {
        String name = location == null ? "" : location.replaceAll("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 5) {
            name = name.substring(0, dot);
        }
        if (name.isBlank()) {
            name = "updated";
        }
        return name.length() > 50 ? name.substring(0, 50) : name;
    }
}
