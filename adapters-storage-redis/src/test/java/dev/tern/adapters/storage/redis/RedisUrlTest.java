package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void takesCredentialsOutOfTheAddress() {
        RedisUrl url = RedisUrl.parse("rediss://tern:pa:ss%40word@redis.local:6380/3");

        assertThat(url).isEqualTo(new RedisUrl("rediss://redis.local:6380", "tern", "pa:ss@word", 3));
    }

    @Test
    void defaultsToPort6379AndDatabase0() {
        assertThat(RedisUrl.parse("redis://localhost")).isEqualTo(new RedisUrl("redis://localhost:6379", null, null, 0));
    }

    @Test
    void readsAPasswordWithoutAUserName() {
        RedisUrl url = RedisUrl.parse("redis://:secret@localhost:6379");

        assertThat(url.user()).isNull();
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void redactsThePasswordButKeepsTheUser() {
        assertThat(RedisUrl.parse("redis://tern:secret@localhost:1234/1").redacted())
                .isEqualTo("redis://tern:***@localhost:1234/1");
        assertThat(RedisUrl.parse("redis://localhost:1234").redacted()).isEqualTo("redis://localhost:1234/0");
    }

    @Test
    void rejectsOtherSchemesWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisUrl.parse("http://tern:secret@localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsAPathThatIsNoDatabaseNumber() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://tern:secret@localhost/zero"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }
}
