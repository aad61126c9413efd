package dev.csms.events;

import java.util.List;
import java.util.Objects;

/**
 * The platform's Kafka topics. Every name can be given a common prefix (for example {@code prod.}) so
 * that several installations can share one Kafka cluster. Records on every topic are keyed by station id
 * (except {@code device.campaigns}: campaign id).
 *
 * @param prefix prefix put before every topic name; empty for the plain names
 */
public record Topics(String prefix) {

    /** One topic: its unprefixed name and whether it is log-compacted (a table keyed by station id). */
    public record Topic(String name, boolean compacted) {
    }

    /** Every station CALL as a canonical event, connection events, results of commands. */
    public static final Topic OCPP_INBOUND = new Topic("ocpp.inbound", false);
    /** The reply topic: answers to station requests and commands for stations. */
    public static final Topic OCPP_OUTBOUND = new Topic("ocpp.outbound", false);
    /** Compacted: which gateway holds which station's connection; tombstone on disconnect. */
    public static final Topic OCPP_PRESENCE = new Topic("ocpp.presence", true);
    /** Compacted: station credentials the gateway authenticates from. */
    public static final Topic DEVICE_CREDENTIALS = new Topic("device.credentials", true);
    /** Station state changes for other teams. */
    public static final Topic DEVICE_STATIONS = new Topic("device.stations", false);
    /** Alerts raised and cleared by device-service. */
    public static final Topic DEVICE_ALERTS = new Topic("device.alerts", false);
    /** Charging session lifecycle events. */
    public static final Topic SESSIONS_EVENTS = new Topic("sessions.events", false);
    /** Charge detail records. */
    public static final Topic BILLING_CDRS = new Topic("billing.cdrs", false);
    /** Site and station limits computed by smart charging. */
    public static final Topic SMARTCHARGING_LIMITS = new Topic("smartcharging.limits", false);

    /** Firmware campaign progress published by device-service, keyed by campaign id. */
    public static final Topic DEVICE_CAMPAIGNS = new Topic("device.campaigns", false);

    /** Every topic of the platform, in a stable order. */
    public static final List<Topic> ALL = List.of(OCPP_INBOUND, OCPP_OUTBOUND, OCPP_PRESENCE, DEVICE_CREDENTIALS,
            DEVICE_STATIONS, DEVICE_ALERTS, SESSIONS_EVENTS, BILLING_CDRS, SMARTCHARGING_LIMITS, DEVICE_CAMPAIGNS);

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The plain topic names, without prefix. */
    public static Topics unprefixed() {
        return new Topics("");
    }

    /** The full name of a topic under this prefix. */
    public String name(Topic topic) {
        return prefix + topic.name();
    }

    public String inbound() {
        return name(OCPP_INBOUND);
    }

    public String outbound() {
        return name(OCPP_OUTBOUND);
    }

    public String presence() {
        return name(OCPP_PRESENCE);
    }

    public String deviceCredentials() {
        return name(DEVICE_CREDENTIALS);
    }
}
