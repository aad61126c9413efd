package dev.csms.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Lints and renders the chart with the bundled native helm library (no cluster, no network). */
class HelmChartTest {

    private static final Path CHART = Path.of(System.getProperty("csms.chart.dir", "csms"));
    private static final Path PRODUCTION_VALUES =
            Path.of(System.getProperty("csms.deploy.dir", "../deploy")).resolve("values-production.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** service name to HTTP port (application.properties of each service). */
    private static final Map<String, Integer> SERVICES = Map.of(
            "gateway-service", 8080,
            "session-service", 8081,
            "device-service", 8082,
            "billing-service", 8083,
            "smartcharging-service", 8084);

    @Test
    void lintPasses() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultValuesRenderEveryService() throws IOException {
        List<JsonNode> docs = render(t -> t);
        for (Map.Entry<String, Integer> e : SERVICES.entrySet()) {
            JsonNode deployment = find(docs, "Deployment", e.getKey());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/ports/0/containerPort").asInt()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
            assertThat(env(container, "QUARKUS_HTTP_HOST").path("value").asText()).isEqualTo("0.0.0.0");
            assertThat(env(container, "KAFKA_BOOTSTRAP_SERVERS").path("value").asText())
                    .isEqualTo("csms-kafka-kafka-bootstrap:9092");
            assertThat(env(container, "MP_JWT_VERIFY_PUBLICKEY_LOCATION").path("value").asText())
                    .isEqualTo("file:/etc/csms/jwt/public.pem");
            assertThat(find(docs, "Service", e.getKey()).at("/spec/ports/0/port").asInt()).isEqualTo(e.getValue());
        }
    }

    @Test
    void gatewayHasPdbGracefulShutdownAndNoLeaderElection() throws IOException {
        List<JsonNode> docs = render(t -> t);
        JsonNode gateway = find(docs, "Deployment", "gateway-service");
        JsonNode pod = gateway.at("/spec/template/spec");
        assertThat(gateway.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThan(10 + 5);
        JsonNode container = pod.at("/containers/0");
        assertThat(env(container, "CSMS_GATEWAY_SHUTDOWN_DRAIN_WINDOW").path("value").asText()).isEqualTo("10s");
        assertThat(container.at("/lifecycle/preStop/exec/command/1").asText()).isEqualTo("5");
        assertThat(env(container, "CSMS_LEADER_MODE").isMissingNode()).isTrue();

        JsonNode pdb = find(docs, "PodDisruptionBudget", "gateway-service");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("gateway-service");
        assertThat(kinds(docs, "PodDisruptionBudget")).hasSize(1);
        assertThat(docs.stream().anyMatch(d -> d.at("/metadata/name").asText().equals("gateway-service-leader-election")))
                .isFalse();
    }

    @Test
    void databasePasswordsComeFromSecrets() throws IOException {
        List<JsonNode> docs = render(t -> t);
        for (String service : List.of("session-service", "device-service")) {
            JsonNode container = find(docs, "Deployment", service).at("/spec/template/spec/containers/0");
            String db = service.replace("-service", "");
            assertThat(env(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo("csms-" + db + "-db-app");
            assertThat(env(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/key").asText())
                    .isEqualTo("password");
            assertThat(env(container, "QUARKUS_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo("csms-" + db + "-db-app");
            assertThat(env(container, "QUARKUS_DATASOURCE_PASSWORD").has("value")).isFalse();
            assertThat(env(container, "QUARKUS_DATASOURCE_REACTIVE_URL").path("value").asText())
                    .isEqualTo("postgresql://csms-" + db + "-db-rw:5432/app");
            assertThat(env(container, "QUARKUS_DATASOURCE_JDBC_URL").path("value").asText())
                    .isEqualTo("jdbc:postgresql://csms-" + db + "-db-rw:5432/app");
        }
        // no Secret objects are rendered by the chart: credentials are the operator's (or CloudNativePG's)
        assertThat(kinds(docs, "Secret")).isEmpty();
    }

    @Test
    void leaderElectingServicesGetLeaseRbac() throws IOException {
        List<JsonNode> docs = render(t -> t);
        for (String service : List.of("session-service", "device-service", "billing-service", "smartcharging-service")) {
            JsonNode role = find(docs, "Role", service + "-leader-election");
            JsonNode rule = role.at("/rules/0");
            assertThat(rule.at("/apiGroups/0").asText()).isEqualTo("coordination.k8s.io");
            assertThat(rule.at("/resources/0").asText()).isEqualTo("leases");
            assertThat(texts(rule.at("/verbs"))).contains("get", "create", "update", "patch");
            JsonNode binding = find(docs, "RoleBinding", service + "-leader-election");
            assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(service);
            assertThat(binding.at("/roleRef/name").asText()).isEqualTo(service + "-leader-election");
            JsonNode pod = find(docs, "Deployment", service).at("/spec/template/spec");
            assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(service);
            assertThat(env(pod.at("/containers/0"), "CSMS_LEADER_MODE").path("value").asText()).isEqualTo("kubernetes");
            assertThat(find(docs, "ServiceAccount", service).at("/automountServiceAccountToken").asBoolean()).isTrue();
        }
    }

    @Test
    void productionValuesRender() throws IOException {
        List<JsonNode> docs = render(t -> t.withValuesFile(PRODUCTION_VALUES));
        JsonNode gateway = find(docs, "Deployment", "gateway-service");
        assertThat(gateway.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = gateway.at("/spec/template/spec/containers/0");
        assertThat(container.at("/image").asText()).startsWith("registry.example.com/csms/gateway-service:");
        assertThat(env(container, "CSMS_KAFKA_TOPIC_PREFIX").path("value").asText()).isEqualTo("prod.");
        assertThat(env(container, "CSMS_GATEWAY_AUTH_STATION_CA").path("value").asText())
                .isEqualTo("/etc/csms/station-ca/ca.crt");
        assertThat(container.at("/ports/1/name").asText()).isEqualTo("https");
        assertThat(find(docs, "Service", "gateway-service").at("/spec/type").asText()).isEqualTo("LoadBalancer");
        int grace = gateway.at("/spec/template/spec/terminationGracePeriodSeconds").asInt();
        int drain = Integer.parseInt(env(container, "CSMS_GATEWAY_SHUTDOWN_DRAIN_WINDOW").path("value").asText()
                .replace("s", ""));
        assertThat(grace).isGreaterThan(drain);
        for (String service : SERVICES.keySet()) {
            assertThat(find(docs, "Deployment", service).at("/spec/template/spec/containers/0/readinessProbe/httpGet/path")
                    .asText()).isEqualTo("/q/health/ready");
        }
        assertThat(find(docs, "PodDisruptionBudget", "gateway-service").at("/spec/minAvailable").asInt()).isEqualTo(2);
        String properties = find(docs, "ConfigMap", "gateway-service-config").at("/data/application.properties").asText();
        assertThat(properties).contains("quarkus.tls.key-store.pem.0.cert=/etc/csms/tls/tls.crt");
        assertThat(env(container, "QUARKUS_CONFIG_LOCATIONS").path("value").asText())
                .isEqualTo("/etc/csms/config/application.properties");
        JsonNode volumes = gateway.at("/spec/template/spec/volumes");
        assertThat(StreamSupport.stream(volumes.spliterator(), false).map(v -> v.at("/secret/secretName").asText()))
                .contains("csms-gateway-tls", "csms-station-ca", "csms-jwt-public-key");
    }

    @Test
    void pdbThatBlocksEveryEvictionFails() {
        assertThatThrownBy(() -> render(t -> t.set("services.gateway.pdb.minAvailable", 2)))
                .hasMessageContaining("services.gateway.pdb.minAvailable (2) must be below services.gateway.replicas (2)");
    }

    @Test
    void gatewayReplicasZeroFailsWithClearMessage() {
        assertThatThrownBy(() -> render(t -> t.set("services.gateway.replicas", 0)))
                .hasMessageContaining("services.gateway.replicas must be at least 1");
    }

    @Test
    void missingKafkaBootstrapFailsWithClearMessage() {
        assertThatThrownBy(() -> render(t -> t.set("kafka.bootstrapServers", "")))
                .hasMessageContaining("kafka.bootstrapServers is required");
    }

    @Test
    void missingDatabaseSecretFailsWithClearMessage() {
        assertThatThrownBy(() -> render(t -> t.set("services.session.database.credentialsSecret", "")))
                .hasMessageContaining("services.session.database.credentialsSecret is required");
    }

    @Test
    void gracePeriodShorterThanDrainWindowFails() {
        assertThatThrownBy(() -> render(t -> t.set("services.gateway.terminationGracePeriodSeconds", 12)))
                .hasMessageContaining("terminationGracePeriodSeconds (12) must exceed drainWindowSeconds (10)");
    }

    @Test
    void tlsWithoutSecretFails() {
        assertThatThrownBy(() -> render(t -> t.set("services.gateway.tls.enabled", true)))
                .hasMessageContaining("services.gateway.tls.secretName is required");
    }

    private static List<JsonNode> render(UnaryOperator<TemplateCommand> options) throws IOException {
        String manifests = options.apply(new Helm(CHART).template().withName("csms").withNamespace("csms")).call();
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    private static List<JsonNode> kinds(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst()
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
