package dev.csms.simulator;

import java.time.Instant;

/**
 * What a charging session looks like at one moment (a copy; it does not change).
 *
 * @param connectorId   the connector (1.6) or EVSE (2.x) it runs on
 * @param transactionId the transaction id: the CSMS's (1.6, null until StartTransaction is answered) or the
 *                      station's (2.x)
 * @param idTag         the id tag that started it
 * @param startedAt     when the transaction started (null before)
 * @param meterStartWh  the energy register at the start, Wh
 * @param registerWh    the energy register now, Wh
 * @param powerW        the charging power now, W
 * @param lastSeqNo     the seqNo of the last TransactionEvent built (2.x; -1 before the first)
 * @param active        false once the transaction ended
 * @param stopReason    why it ended (1.6 reason spelling), null while active
 */
public record SessionView(int connectorId, String transactionId, String idTag, Instant startedAt, long meterStartWh,
        long registerWh, long powerW, int lastSeqNo, boolean active, String stopReason) {

    /** Energy delivered so far, Wh. */
    public long energyWh() {
        return registerWh - meterStartWh;
    }
}
