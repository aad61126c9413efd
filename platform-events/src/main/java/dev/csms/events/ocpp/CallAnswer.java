package dev.csms.events.ocpp;

import dev.csms.ocpp.canonical.CsmsAnswer;

import java.util.Objects;

/**
 * A service's answer to a {@link StationCall} that awaited one, published on {@code ocpp.outbound}
 * ({@code csms.ocpp.CallAnswer.v1}); the CloudEvents extension {@code correlationid} is the StationCall's event id
 * too. Exactly one of {@code answer} and {@code error} is set. The gateway that holds the station's connection maps
 * the answer to the version's CALLRESULT (or sends the CALLERROR); an answer that arrives after the deadline, or
 * for a connection that is gone, is dropped.
 *
 * @param stationId   the station
 * @param callEventId the id of the StationCall event answered
 * @param messageId   the OCPP message id of the CALL answered
 * @param answer      the canonical answer ({@link CsmsAnswer.RawAnswer} for raw messages); null when
 *                    {@code error} is set
 * @param error       a CALLERROR to send instead; null when {@code answer} is set
 */
public record CallAnswer(String stationId, String callEventId, String messageId, CsmsAnswer answer,
        CallError error) {
    public CallAnswer {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(callEventId, "callEventId");
        Objects.requireNonNull(messageId, "messageId");
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("a CallAnswer has either an answer or an error");
        }
    }

    /** An answer. */
    public static CallAnswer of(StationCall call, String callEventId, CsmsAnswer answer) {
        return new CallAnswer(call.stationId(), callEventId, call.messageId(), answer, null);
    }

    /** A CALLERROR. */
    public static CallAnswer error(StationCall call, String callEventId, CallError error) {
        return new CallAnswer(call.stationId(), callEventId, call.messageId(), null, error);
    }
}
