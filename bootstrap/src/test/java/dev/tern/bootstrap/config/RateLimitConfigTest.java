package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.overload.OverloadSettings;
import dev.tern.application.protocol.limit.OverLimit;
import dev.tern.application.protocol.limit.RateLimit;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

    @Test
    void byDefaultNobodyIsRateLimitedAndOverloadProtectionRuns() {
        BrokerConfig defaults = BrokerConfig.defaults();

        RateLimitPolicy policy = defaults.rateLimit().policy();
        assertThat(policy.limitsNobody()).isTrue();
        assertThat(policy.overLimit()).isEqualTo(OverLimit.PAUSE);
        assertThat(defaults.overload().enabled()).isTrue();
        assertThat(defaults.overload().settings()).isEqualTo(new OverloadSettings(85, 70, 100_000, 50_000, 100));
    }

    @Test
    void limitsModeAndRulesAreReadFromTheirKeys() {
        RateLimitPolicy policy = Load.withSets("rate-limit.messages-per-second=50",
                "rate-limit.bytes-per-second=65536", "rate-limit.over-limit=refuse",
                "rate-limit.rules=client:bulk-*=0/0, user:meter=5/1024").rateLimit().policy();

        assertThat(policy.defaults()).isEqualTo(new RateLimit(50, 65_536));
        assertThat(policy.overLimit()).isEqualTo(OverLimit.REFUSE);
        assertThat(policy.resolve("tcp", null, "bulk-1")).isEqualTo(RateLimit.UNLIMITED);
        assertThat(policy.resolve("tcp", "meter", "m")).isEqualTo(new RateLimit(5, 1024));
    }

    @Test
    void aRuleThatCannotBeReadStopsTheBrokerNamingIt() {
        assertThatThrownBy(() -> Load.withSets("rate-limit.rules=client:x=fast/0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate-limit").hasMessageContaining("client:x=fast/0");
        assertThatThrownBy(() -> Load.withSets("rate-limit.over-limit=drop"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rate-limit.over-limit");
    }

    @Test
    void overloadMarksMustLeaveRoomBetweenLowAndHigh() {
        assertThatThrownBy(() -> Load.withSets("overload.heap-high-percent=60", "overload.heap-low-percent=70"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("overload");
        assertThatThrownBy(() -> Load.withSets("overload.storage-backlog-high=10", "overload.storage-backlog-low=10"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("overload");
        assertThat(Load.withSets("overload.storage-backlog-high=0").overload().settings().backlogHigh()).isZero();
    }
}
