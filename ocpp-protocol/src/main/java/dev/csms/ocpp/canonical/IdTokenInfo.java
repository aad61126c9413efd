package dev.csms.ocpp.canonical;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The CSMS's verdict on an IdToken (2.x IdTokenInfoType; 1.6 IdTagInfo). Sent to a 1.6 station it becomes
 * {@code idTagInfo}: {@code status} (2.x-only values as {@code Invalid}), {@code expiryDate} from
 * {@code cacheExpiryDateTime}, {@code parentIdTag} from the value of {@code groupIdToken}; the other fields have no
 * 1.6 equivalent and are left out.
 *
 * @param status              the normalized authorization status
 * @param cacheExpiryDateTime until when the station may cache this verdict (1.6 {@code expiryDate}); null for none
 * @param groupIdToken        the group the token belongs to (1.6 {@code parentIdTag}); null for none
 * @param chargingPriority    priority from -9 to 9 (2.x); null for the default 0
 * @param evseIds             the EVSEs the token may use (2.x); empty for all
 * @param language1           preferred user interface language (2.x); null for none
 * @param language2           second preferred language (2.x); null for none
 * @param personalMessage     message to show to the driver (2.x); null for none
 */
public record IdTokenInfo(AuthorizationStatus status, Instant cacheExpiryDateTime, IdToken groupIdToken,
        Integer chargingPriority, List<Integer> evseIds, String language1, String language2,
        MessageContent personalMessage) {

    public IdTokenInfo {
        Objects.requireNonNull(status, "status");
        evseIds = evseIds == null ? List.of() : List.copyOf(evseIds);
    }

    /** Just a status. */
    public static IdTokenInfo of(AuthorizationStatus status) {
        return new IdTokenInfo(status, null, null, null, List.of(), null, null, null);
    }
}
