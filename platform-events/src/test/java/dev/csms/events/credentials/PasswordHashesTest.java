package dev.csms.events.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashesTest {

    private static final char[] PASSWORD = "s3cret-Station-Key-0042".toCharArray();

    @Test
    void hashIsTaggedSaltedAndVerifies() {
        String hash = PasswordHashes.hash(PASSWORD);

        assertThat(hash).matches("\\$pbkdf2-sha256\\$i=210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash).doesNotContain("s3cret");
        assertThat(PasswordHashes.verify(PASSWORD, hash)).isTrue();
        assertThat(PasswordHashes.verify("s3cret-Station-Key-0043".toCharArray(), hash)).isFalse();
        assertThat(PasswordHashes.needsRehash(hash)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(PasswordHashes.hash(PASSWORD)).isNotEqualTo(PasswordHashes.hash(PASSWORD));
    }

    @Test
    void knownVectorOfAnotherImplementationVerifies() {
        // PBKDF2-HMAC-SHA256("password", "salt" = c2FsdA, 100000 iterations, 32 bytes), computed independently
        // (Python hashlib.pbkdf2_hmac), so the format and the algorithm are interoperable.
        String hash = "$pbkdf2-sha256$i=100000$c2FsdA$A5Si7eMyyaE+uC6bJGMWBMMd+Xi04vD70sVJlE+deaU";

        assertThat(PasswordHashes.verify("password".toCharArray(), hash)).isTrue();
        assertThat(PasswordHashes.needsRehash(hash)).isTrue();
    }

    @Test
    void malformedOrWeakHashesNeverMatch() {
        assertThat(PasswordHashes.verify(PASSWORD, null)).isFalse();
        assertThat(PasswordHashes.verify(PASSWORD, "s3cret-Station-Key-0042")).isFalse();
        assertThat(PasswordHashes.verify(PASSWORD, "$pbkdf2-sha256$i=1000$c2FsdA$AAAA")).isFalse();
        assertThat(PasswordHashes.verify(PASSWORD, "$pbkdf2-sha256$i=999999999$c2FsdA$AAAA")).isFalse();
        assertThat(PasswordHashes.verify(PASSWORD, "$bcrypt$i=210000$c2FsdA$AAAA")).isFalse();
        assertThat(PasswordHashes.verify(new char[0], PasswordHashes.hash(PASSWORD))).isFalse();
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThatThrownBy(() -> PasswordHashes.hash(new char[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
