package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a value was sampled (ReadingContextEnumType, the same in every version). When a station omits it,
 * the adapters fill in the OCPP default {@link #SAMPLE_PERIODIC}.
 */
public enum ReadingContext {
    /** {@code Interruption.Begin} */
    INTERRUPTION_BEGIN("Interruption.Begin"),
    /** {@code Interruption.End} */
    INTERRUPTION_END("Interruption.End"),
    /** {@code Other} */
    OTHER("Other"),
    /** {@code Sample.Clock} */
    SAMPLE_CLOCK("Sample.Clock"),
    /** {@code Sample.Periodic} */
    SAMPLE_PERIODIC("Sample.Periodic"),
    /** {@code Transaction.Begin} */
    TRANSACTION_BEGIN("Transaction.Begin"),
    /** {@code Transaction.End} */
    TRANSACTION_END("Transaction.End"),
    /** {@code Trigger} */
    TRIGGER("Trigger");

    private static final Map<String, ReadingContext> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ReadingContext::ocppName, Function.identity()));

    private final String ocppName;

    ReadingContext(String ocppName) {
        this.ocppName = ocppName;
    }

    /** The name as OCPP and the JSON of the events write it, e.g. {@code Interruption.Begin}. */
    @JsonValue
    public String ocppName() {
        return ocppName;
    }

    /** The constant for an OCPP name, empty when the name is unknown. */
    public static Optional<ReadingContext> fromOcpp(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @JsonCreator
    static ReadingContext fromJson(String name) {
        return fromOcpp(name).orElseThrow(() -> new IllegalArgumentException("unknown ReadingContext: " + name));
    }
}
