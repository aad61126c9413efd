package dev.csms.simulator;

import java.security.KeyStore;
import java.util.Objects;

/**
 * How a station proves its identity when it opens its WebSocket: OCPP security profiles 1 and 2 use HTTP Basic
 * authentication (user name = station id), profile 3 a TLS client certificate. Profile 0 (no credentials) is
 * for test benches only. Whether TLS is used follows from the URL ({@code ws://} or {@code wss://}).
 */
public sealed interface Credentials {

    /** No credentials. */
    static Credentials none() {
        return None.INSTANCE;
    }

    /** HTTP Basic with the station id as user name (security profiles 1 and 2). */
    static Credentials basic(String password) {
        return new Basic(null, password);
    }

    /** A TLS client certificate: the key store holds the station's key and certificate chain (profile 3). */
    static Credentials clientCertificate(KeyStore keyStore, char[] password) {
        return new ClientCertificate(keyStore, password);
    }

    /** No credentials (security profile 0). */
    enum None implements Credentials {
        /** The only instance. */
        INSTANCE
    }

    /**
     * HTTP Basic authentication.
     *
     * @param username the user name, null for the station id (what OCPP requires)
     * @param password the password
     */
    record Basic(String username, String password) implements Credentials {
        /** Rejects a missing password. */
        public Basic {
            Objects.requireNonNull(password, "password");
        }

        /** The user name to send for a station. */
        public String usernameFor(String stationId) {
            return username == null ? stationId : username;
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    /**
     * A TLS client certificate.
     *
     * @param keyStore the station's private key and certificate chain
     * @param password the key store's (and key's) password
     */
    record ClientCertificate(KeyStore keyStore, char[] password) implements Credentials {
        /** Rejects a missing key store. */
        public ClientCertificate {
            Objects.requireNonNull(keyStore, "keyStore");
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public String toString() {
            return "ClientCertificate[" + keyStore.getType() + "]";
        }
    }
}
