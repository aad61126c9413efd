package dev.csms.gateway.inbound;

import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.rpc.RpcErrorCode;

/**
 * What the gateway answers when a request that needs a decision gets none before the deadline. The StationCall is
 * already in Kafka (acknowledged), so the owning service still processes it; the fallback only decides what the
 * station hears now. The table and its reasons are in docs/gateway.md:
 *
 * <ul>
 *   <li>BootNotification: Pending with a short interval. The station boots again soon and then gets the real
 *       verdict; a Rejected or Accepted from the gateway would decide on device-service's behalf.</li>
 *   <li>A transaction step that already has a transaction id (2.x TransactionEvent with an idToken, 1.6
 *       StopTransaction): an empty answer. The step is stored; omitting idTokenInfo withholds a verdict rather than
 *       inventing one, and the station does not resend a step it need not resend. A CALLERROR here would make the
 *       station retry a Stop forever (the platform invariant).</li>
 *   <li>Everything else (Authorize, 1.6 StartTransaction, DataTransfer, SignCertificate, raw requests with required
 *       answer fields): CALLERROR InternalError. The gateway can neither grant nor refuse a driver, and cannot assign
 *       a transaction id; the station retries (1.6 transaction messages by TransactionMessageAttempts) or applies
 *       its own offline authorization policy.</li>
 * </ul>
 */
public final class DecisionFallbacks {

    private DecisionFallbacks() {
    }

    /** The fallback of one request. */
    public sealed interface Fallback permits Answer, Error {
    }

    /** Answer with this canonical answer. */
    public record Answer(CsmsAnswer answer) implements Fallback {
    }

    /** Answer with a CALLERROR. */
    public record Error(RpcErrorCode code, String description) implements Fallback {
    }

    /**
     * The fallback for a request.
     *
     * @param event                the canonical event of the request
     * @param bootFallbackInterval seconds until a station answered Pending boots again
     */
    public static Fallback forDeadline(StationEvent event, int bootFallbackInterval) {
        if (event instanceof StationEvent.BootNotification) {
            return new Answer(new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Pending, bootFallbackInterval,
                    null, null));
        }
        if (event instanceof StationEvent.TransactionEvent transaction && transaction.transactionId() != null) {
            return new Answer(new CsmsAnswer.TransactionEventAnswer(null, null, null, null, null));
        }
        return new Error(RpcErrorCode.INTERNAL_ERROR, "no decision was made in time; please retry");
    }
}
