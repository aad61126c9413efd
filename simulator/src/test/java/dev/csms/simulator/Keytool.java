package dev.csms.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real keys and certificates for the tests, made with the JDK's keytool (the JDK has no public API to issue
 * certificates): self-signed certificates, key stores, and certificates signed for a CSR.
 */
final class Keytool {

    static final String PASSWORD = "changeit";

    private Keytool() {
    }

    /** A self-signed certificate (PEM) for the subject. */
    static String selfSignedPem(String subject) throws Exception {
        Path dir = Files.createTempDirectory("keytool");
        try {
            Path store = dir.resolve("store.p12");
            genKeyPair(store, "key", subject, null);
            return run("-exportcert", "-rfc", "-alias", "key", "-keystore", store.toString(), "-storepass", PASSWORD);
        } finally {
            delete(dir);
        }
    }

    /** Generates a key pair with a self-signed certificate in a PKCS#12 store. */
    static void genKeyPair(Path store, String alias, String subject, String san) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", subject, "-validity", "30", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            args.addAll(List.of("-ext", "SAN=" + san));
        }
        run(args.toArray(String[]::new));
    }

    /** The certificate of an alias, PEM. */
    static String exportPem(Path store, String alias) throws Exception {
        return run("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", PASSWORD);
    }

    /** Signs a CSR (PEM) with the CA key of an alias; returns the certificate (PEM). */
    static String signCsr(Path caStore, String caAlias, String csrPem) throws Exception {
        Path csr = Files.createTempFile(caStore.getParent(), "csr", ".pem");
        Files.writeString(csr, csrPem);
        return run("-gencert", "-rfc", "-alias", caAlias, "-keystore", caStore.toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-validity", "30");
    }

    /** What keytool says about a CSR (fails if it is not a valid, correctly signed request). */
    static String printCsr(String csrPem) throws Exception {
        Path csr = Files.createTempFile("csr", ".pem");
        try {
            Files.writeString(csr, csrPem);
            return run("-printcertreq", "-file", csr.toString());
        } finally {
            Files.deleteIfExists(csr);
        }
    }

    /** A trust store holding the certificate of {@code alias} in {@code store}. */
    static KeyStore trustStoreOf(Path store, String alias, Path dir) throws Exception {
        Path pem = dir.resolve(alias + ".pem");
        Files.writeString(pem, exportPem(store, alias));
        Path trust = dir.resolve(alias + "-trust.p12");
        run("-importcert", "-noprompt", "-alias", alias, "-file", pem.toString(), "-keystore", trust.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return load(trust);
    }

    /** Loads a PKCS#12 store. */
    static KeyStore load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return keyStore;
    }

    static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
