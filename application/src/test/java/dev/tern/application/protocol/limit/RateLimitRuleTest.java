package dev.tern.application.protocol.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitRuleTest {

    @Test
    void parsesScopePatternAndBothRates() {
        assertThat(RateLimitRule.parse(" client:sensor-*=10/4096 "))
                .isEqualTo(new RateLimitRule(RateLimitRule.Scope.CLIENT, "sensor-*", new RateLimit(10, 4096)));
        assertThat(RateLimitRule.parse("USER:ingest=0/0").limit().unlimited()).isTrue();
        assertThat(RateLimitRule.parse("listener:tcp-internal=5/0").scope()).isEqualTo(RateLimitRule.Scope.LISTENER);
    }

    @Test
    void aPatternMayHoldEqualsSignsAndSlashesBeforeTheRates() {
        assertThat(RateLimitRule.parse("client:a/b=c=1/2").pattern()).isEqualTo("a/b=c");
    }

    @Test
    void refusesRulesItCannotRead() {
        assertThatThrownBy(() -> RateLimitRule.parse("sensor-*=10/4096")).hasMessageContaining("is not <listener");
        assertThatThrownBy(() -> RateLimitRule.parse("host:x=1/1")).hasMessageContaining("scope must be");
        assertThatThrownBy(() -> RateLimitRule.parse("client:x=1")).hasMessageContaining("is not <listener");
        assertThatThrownBy(() -> RateLimitRule.parse("client:x=a/1")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> RateLimitRule.parse("client:x=-1/1")).hasMessageContaining("0 (no limit) or positive");
        assertThatThrownBy(() -> RateLimitRule.parse("client:=1/1")).hasMessageContaining("is not <listener");
    }

    @Test
    void starMatchesAnyRunOfCharactersAndEverythingElseItself() {
        assertThat(RateLimitRule.globMatches("sensor-*", "sensor-")).isTrue();
        assertThat(RateLimitRule.globMatches("sensor-*", "sensor-42")).isTrue();
        assertThat(RateLimitRule.globMatches("*-42", "sensor-42")).isTrue();
        assertThat(RateLimitRule.globMatches("s*r*2", "sensor-42")).isTrue();
        assertThat(RateLimitRule.globMatches("sensor-?", "sensor-4")).isFalse();
        assertThat(RateLimitRule.globMatches("sensor", "sensor-42")).isFalse();
        assertThat(RateLimitRule.globMatches("*", "")).isTrue();
        assertThat(RateLimitRule.globMatches("a*b", "ab-b-c")).isFalse();
    }

    @Test
    void aUserRuleNeverMatchesAClientWithoutUserName() {
        assertThat(RateLimitRule.parse("user:*=1/1").matches("tcp", null, "c")).isFalse();
        assertThat(RateLimitRule.parse("user:*=1/1").matches("tcp", "u", "c")).isTrue();
    }

    @Test
    void thePolicyGivesTheFirstMatchingRuleOrTheDefault() {
        RateLimitPolicy policy = new RateLimitPolicy(new RateLimit(100, 0), List.of(
                RateLimitRule.parse("client:bulk-*=0/0"),
                RateLimitRule.parse("user:meter=5/1000"),
                RateLimitRule.parse("listener:tcp-public=10/0"),
                RateLimitRule.parse("client:*=1/1")), OverLimit.PAUSE);

        assertThat(policy.resolve("tcp-public", "meter", "bulk-7")).isEqualTo(RateLimit.UNLIMITED);
        assertThat(policy.resolve("tcp-public", "meter", "m-1")).isEqualTo(new RateLimit(5, 1000));
        assertThat(policy.resolve("tcp-public", null, "m-1")).isEqualTo(new RateLimit(10, 0));
        assertThat(policy.resolve("tcp", null, "m-1")).isEqualTo(new RateLimit(1, 1));
        assertThat(new RateLimitPolicy(new RateLimit(100, 0), List.of(), OverLimit.PAUSE).resolve("tcp", null, "x"))
                .isEqualTo(new RateLimit(100, 0));
    }

    @Test
    void aPolicyWithoutAnyRateLimitsNobody() {
        assertThat(RateLimitPolicy.NONE.limitsNobody()).isTrue();
        assertThat(new RateLimitPolicy(RateLimit.UNLIMITED, List.of(RateLimitRule.parse("client:x=1/0")),
                OverLimit.PAUSE).limitsNobody()).isFalse();
    }
}
