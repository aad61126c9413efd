package dev.csms.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.events.Topics;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void isOnePerJvm() {
        assertThat(LocalStack.get()).isSameAs(LocalStack.get());
    }

    @Test
    void brokerHasEveryPlatformTopic() throws Exception {
        try (Admin admin = LocalStack.get().kafka().admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(Topics.Topic::name).toList());
            assertThat(admin.describeTopics(List.of("ocpp.outbound")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("ocpp.outbound").partitions()).hasSize(LocalStack.TOPIC_PARTITIONS);
        }
    }

    @Test
    void aSecondClassLoaderSeesTheSameServers() throws Exception {
        URL[] classpath = Arrays.stream(System.getProperty("local-stack.launcher.classpath").split(java.io.File.pathSeparator))
                .map(entry -> toUrl(Path.of(entry)))
                .toArray(URL[]::new);
        // like Quarkus on an application restart: this module's classes loaded again, statics fresh
        try (URLClassLoader reloaded = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Class<?> stackClass = reloaded.loadClass(LocalStack.class.getName());
            assertThat(stackClass).isNotSameAs(LocalStack.class);
            Object stack = stackClass.getMethod("get").invoke(null);
            Object kafka = stackClass.getMethod("kafka").invoke(stack);
            Object bootstrap = reloaded.loadClass("dev.csms.localstack.kafka.KafkaBroker")
                    .getMethod("bootstrapServers").invoke(kafka);
            Object postgres = stackClass.getMethod("postgres").invoke(stack);
            Object port = reloaded.loadClass("dev.csms.localstack.postgres.PostgresServer")
                    .getMethod("port").invoke(postgres);

            assertThat(bootstrap).isEqualTo(LocalStack.get().kafka().bootstrapServers());
            assertThat(port).isEqualTo(LocalStack.get().postgres().port());
        }
    }

    @Test
    void testResourceGivesAServiceItsDatabaseKafkaAndJwtVerification() throws Exception {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of(LocalStackTestResource.DATABASE, "session"));

        Map<String, String> config = resource.start();

        LocalStack stack = LocalStack.get();
        int pgPort = stack.postgres().port();
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", stack.kafka().bootstrapServers())
                .containsEntry("quarkus.datasource.db-kind", "postgresql")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pgPort + "/session")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/session")
                .containsEntry("quarkus.datasource.username", "postgres")
                .containsEntry("quarkus.datasource.password", "postgres")
                .containsEntry("mp.jwt.verify.issuer", "csms-local")
                .containsKey("mp.jwt.verify.publickey.location");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("session");
        }
        String token = stack.jwt().token("alice", Set.of(LocalJwtIssuer.OPERATOR));
        assertThat(verifiesWithPem(token, Path.of(config.get("mp.jwt.verify.publickey.location")))).isTrue();

        resource.stop();
        assertThat(stack.kafka().isRunning()).as("the stack outlives one application start").isTrue();
    }

    @Test
    void testResourceWithoutDatabaseGivesNoDatasource() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of());

        Map<String, String> config = resource.start();

        assertThat(config).containsKey("kafka.bootstrap.servers").containsKey("mp.jwt.verify.publickey.location");
        assertThat(config.keySet()).noneMatch(key -> key.startsWith("quarkus.datasource"));
    }

    @Test
    void serviceConfigCreatesTheDatabaseOnDemand() throws Exception {
        Map<String, String> config = LocalStack.get().serviceConfig(Optional.of("smartcharging"));

        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    private static boolean verifiesWithPem(String token, Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
        int lastDot = token.lastIndexOf('.');
        rs256.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
