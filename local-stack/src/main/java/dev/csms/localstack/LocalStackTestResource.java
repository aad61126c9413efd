package dev.csms.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@code @QuarkusTest} against the {@link LocalStack} of the test JVM: Kafka, the service's own
 * PostgreSQL database (init arg {@value #DATABASE}, created on demand; omit it for a service without one) and
 * JWT verification with the local key. With scope {@code MATCHING_RESOURCES} (the default of
 * {@code @WithTestResource}) and the same arguments, every test class of a module shares one application start:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
 *         initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
 * class SessionResourceTest { ... }
 * }</pre>
 *
 * <p>{@link #stop()} leaves the stack running: it belongs to the JVM, not to one application start.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the database of the service under test. */
    public static final String DATABASE = "database";

    private Optional<String> database = Optional.empty();

    @Override
    public void init(Map<String, String> initArgs) {
        database = Optional.ofNullable(initArgs.get(DATABASE)).filter(name -> !name.isBlank());
    }

    @Override
    public Map<String, String> start() {
        return LocalStack.get().serviceConfig(database);
    }

    @Override
    public void stop() {
        // the stack outlives this application start; its shutdown hook stops it with the JVM
    }
}
