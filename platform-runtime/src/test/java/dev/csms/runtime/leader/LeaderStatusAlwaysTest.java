package dev.csms.runtime.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class LeaderStatusAlwaysTest {

    @Inject
    LeaderStatus status;

    @Inject
    LeaderConfig config;

    @Test
    void modeAlwaysLeadsFromStartup() {
        assertThat(config.mode()).isEqualTo(LeaderConfig.Mode.ALWAYS);
        assertThat(status.isLeader()).isTrue();
        Boolean first = status.changes().toUni().await().atMost(Duration.ofSeconds(1));
        assertThat(first).isTrue();
    }
}
