package dev.csms.ocpp.schema;

/** Who sends an action's request, per the message lists of the OCPP specifications. */
public enum Initiator {
    /** The charging station (1.6: charge point; also a 2.x local controller) sends it to the CSMS. */
    STATION,
    /** The CSMS (1.6: central system) sends it to the charging station. */
    CSMS,
    /** Either side may send it (DataTransfer). */
    BOTH
}
