package dev.csms.simulator;

/** Where a station stands with its BootNotification. */
public enum BootState {
    /** No BootNotification answered yet (or rebooting). */
    NOT_BOOTED("NotBooted"),
    /** The CSMS answered Pending: the station retries at the given interval and answers the CSMS's calls. */
    PENDING("Pending"),
    /** The CSMS answered Accepted: heartbeats, status and transactions flow. */
    ACCEPTED("Accepted"),
    /** The CSMS answered Rejected: the station retries after the given interval. */
    REJECTED("Rejected");

    private final String ocppName;

    BootState(String ocppName) {
        this.ocppName = ocppName;
    }

    /** The RegistrationStatus as OCPP spells it (NotBooted is the simulator's own). */
    public String ocppName() {
        return ocppName;
    }

    /** The state for an OCPP RegistrationStatus string. */
    public static BootState fromOcpp(String status) {
        return switch (status) {
            case "Accepted" -> ACCEPTED;
            case "Pending" -> PENDING;
            case "Rejected" -> REJECTED;
            default -> throw new IllegalArgumentException("not a RegistrationStatus: " + status);
        };
    }
}
