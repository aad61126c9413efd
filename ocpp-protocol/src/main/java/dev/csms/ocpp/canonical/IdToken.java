package dev.csms.ocpp.canonical;

import java.util.List;
import java.util.Objects;

/**
 * An identifier of a driver or of an authorization means (OCPP 2.x IdTokenType; a 1.6 {@code idTag} is an IdToken
 * of type {@link IdTokenType#Central}, see there).
 *
 * @param value          the identifier itself (2.x {@code idToken}, 1.6 {@code idTag}); case-insensitive in OCPP
 * @param type           its normalized type
 * @param additionalInfo further identifiers of the same token (2.x only); never null, empty when none
 * @param otherType      the type string a 2.1 station or CSMS used when it is none of the known types (OCPP 2.1
 *                       sends the type as a free string, IdTokenEnumStringType, so that parties can agree on
 *                       types of their own); only with type {@link IdTokenType#Other}, and then needed to send the
 *                       token back to a 2.1 station; null otherwise
 */
public record IdToken(String value, IdTokenType type, List<AdditionalInfo> additionalInfo, String otherType) {

    /**
     * A further identifier attached to an IdToken (2.x AdditionalInfoType).
     *
     * @param additionalIdToken the further identifier
     * @param type              its type, free text defined by the two parties (e.g. a contract number kind)
     */
    public record AdditionalInfo(String additionalIdToken, String type) {
        public AdditionalInfo {
            Objects.requireNonNull(additionalIdToken, "additionalIdToken");
            Objects.requireNonNull(type, "type");
        }
    }

    public IdToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        additionalInfo = additionalInfo == null ? List.of() : List.copyOf(additionalInfo);
        if (otherType != null && type != IdTokenType.Other) {
            throw new IllegalArgumentException("otherType '" + otherType + "' needs type Other, not " + type);
        }
    }

    /** A token of a known type (no {@code otherType}). */
    public IdToken(String value, IdTokenType type, List<AdditionalInfo> additionalInfo) {
        this(value, type, additionalInfo, null);
    }

    /** A token without additional info. */
    public static IdToken of(String value, IdTokenType type) {
        return new IdToken(value, type, List.of());
    }

    /** A 1.6 idTag as an IdToken (type {@link IdTokenType#Central}). */
    public static IdToken ofIdTag(String idTag) {
        return of(idTag, IdTokenType.Central);
    }
}
