package dev.csms.ocpp.canonical;

import java.util.Objects;

/**
 * Detail on a status (2.x StatusInfoType); 1.6 has none and drops it.
 *
 * @param reasonCode     a predefined code, at most 20 characters (2.x)
 * @param additionalInfo free text; null for none
 */
public record StatusInfo(String reasonCode, String additionalInfo) {
    public StatusInfo {
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
