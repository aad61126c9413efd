package dev.csms.simulator.load;

import org.HdrHistogram.Histogram;

/**
 * What one rate-driven traffic phase of a {@link LoadDriver} did.
 *
 * @param sent         CALLs sent
 * @param answered     CALLRESULTs received
 * @param errors       CALLERRORs, timeouts and failed sends
 * @param skipped      sends due while the chosen station still waited for its previous answer or was not
 *                     accepted (OCPP allows one CALL in flight per station): offered load that could not go out
 * @param elapsedNanos from the first send to the last answer
 * @param latencies    round trips of answered CALLs in microseconds
 */
public record LoadResult(long sent, long answered, long errors, long skipped, long elapsedNanos,
        Histogram latencies) {

    /** Answered CALLs per second over the phase. */
    public double answeredPerSecond() {
        return elapsedNanos <= 0 ? 0 : answered * 1e9 / elapsedNanos;
    }
}
