package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which phase(s) a value was measured on (PhaseEnumType, the same in every version).
 */
public enum Phase {
    /** {@code L1} */
    L1("L1"),
    /** {@code L2} */
    L2("L2"),
    /** {@code L3} */
    L3("L3"),
    /** {@code N} */
    N("N"),
    /** {@code L1-N} */
    L1_N("L1-N"),
    /** {@code L2-N} */
    L2_N("L2-N"),
    /** {@code L3-N} */
    L3_N("L3-N"),
    /** {@code L1-L2} */
    L1_L2("L1-L2"),
    /** {@code L2-L3} */
    L2_L3("L2-L3"),
    /** {@code L3-L1} */
    L3_L1("L3-L1");

    private static final Map<String, Phase> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Phase::ocppName, Function.identity()));

    private final String ocppName;

    Phase(String ocppName) {
        this.ocppName = ocppName;
    }

    /** The name as OCPP and the JSON of the events write it, e.g. {@code L1}. */
    @JsonValue
    public String ocppName() {
        return ocppName;
    }

    /** The constant for an OCPP name, empty when the name is unknown. */
    public static Optional<Phase> fromOcpp(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @JsonCreator
    static Phase fromJson(String name) {
        return fromOcpp(name).orElseThrow(() -> new IllegalArgumentException("unknown Phase: " + name));
    }
}
