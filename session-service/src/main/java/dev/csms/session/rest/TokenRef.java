package dev.csms.session.rest;

import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An id token named by value and type (a group, an entry of a local list). */
public record TokenRef(@NotBlank @Size(max = 255) String value, @NotNull IdTokenType type) {

    public IdToken toIdToken() {
        return IdToken.of(value, type);
    }

    public static TokenRef of(IdToken token) {
        return token == null ? null : new TokenRef(token.value(), token.type());
    }
}
