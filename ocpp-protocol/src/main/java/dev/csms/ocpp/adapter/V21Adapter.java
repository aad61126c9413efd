package dev.csms.ocpp.adapter;

import dev.csms.ocpp.OcppVersion;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * OCPP 2.1 to and from the canonical model: the 2.0.1 mapping of {@link V201Adapter}, with 2.1's longer string
 * limits, its free-string connector types, the values 2.1 added (IdToken types DirectPayment, EVCCID and VIN,
 * Reset ImmediateAndResume, DataCollectorLog, CustomTrigger, ...) and 2.1's additional actions with empty responses.
 */
public final class V21Adapter extends V201Adapter {

    /** 2.0.1's actions with empty responses plus those 2.1 added (NotifyPeriodicEventStream has no response). */
    private static final Set<String> EMPTY_RESPONSE_ACTIONS;

    static {
        Set<String> actions = new HashSet<>(EMPTY_RESPONSE_ACTIONS_2_0_1);
        actions.addAll(Set.of("BatterySwap", "ClosePeriodicEventStream", "GetPeriodicEventStream", "NotifyDERAlarm",
                "NotifyDERStartStop", "NotifyPriorityCharging", "NotifySettlement", "NotifyWebPaymentStarted",
                "ReportDERControl", "NotifyPeriodicEventStream"));
        EMPTY_RESPONSE_ACTIONS = Set.copyOf(actions);
    }

    private static final Limits LIMITS_2_1 = new Limits(255, 1024, 1024, 2000);

    public V21Adapter(Clock clock) {
        super(clock);
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V2_1;
    }

    @Override
    protected boolean supports(Enum<?> value) {
        return true;
    }

    @Override
    protected Set<String> emptyResponseActions() {
        return EMPTY_RESPONSE_ACTIONS;
    }

    @Override
    protected Limits limits() {
        return LIMITS_2_1;
    }

    /** 2.1 made the limit optional: a period may carry only setpoints or discharge limits. */
    @Override
    protected boolean periodLimitOptional() {
        return true;
    }

    /** 2.1 sends the token type as a string of up to 20 characters (IdTokenEnumStringType). */
    @Override
    protected String otherTokenType(String otherType) {
        return maxLength(otherType, 20, "idToken type");
    }

    /** 2.1 sends the connector type as a string of up to 20 characters. */
    @Override
    protected String connectorType(String connectorType) {
        return maxLength(connectorType, 20, "connectorType");
    }
}
