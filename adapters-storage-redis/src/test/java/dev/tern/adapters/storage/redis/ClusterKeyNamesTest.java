package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key names in cluster mode, and reading client ids back from the keys a SCAN finds. */
class ClusterKeyNamesTest {

    private static final List<String> IDS = List.of("c1", "", "}", "}x}", "a}b", "~", "~}x~", "{", "ü-客户端");

    @Test
    void standsInForAHashTagThatWouldBeEmptyOnlyInClusterMode() {
        RedisKeys cluster = new RedisKeys("t:", true);
        RedisKeys single = new RedisKeys("t:");

        assertThat(cluster.session("")).isEqualTo("t:session:{~}~");
        assertThat(cluster.queue("}x")).isEqualTo("t:queue:{~}}x~");
        assertThat(cluster.queue("c1")).isEqualTo("t:queue:{c1}");
        assertThat(single.session("")).isEqualTo("t:session:{}");
        assertThat(single.queue("}x")).isEqualTo("t:queue:{}x}");
    }

    @Test
    void givesEveryKeyOfAClientTheSameNonEmptyHashTagInClusterMode() {
        RedisKeys keys = new RedisKeys("t:", true);

        for (String id : IDS) {
            assertThat(List.of(keys.session(id), keys.subscriptions(id), keys.subscriptionOrder(id), keys.queue(id),
                    keys.inflight(id), keys.inflightOrder(id), keys.receipts(id)))
                    .as(id).extracting(HashSlot::of).containsOnly(HashSlot.of(keys.session(id)));
        }
    }

    @Test
    void readsTheClientIdBackFromTheKeysItWrites() {
        for (boolean cluster : List.of(true, false)) {
            RedisKeys keys = new RedisKeys("t:", cluster);
            for (String id : IDS) {
                assertThat(keys.clientIdOf(RedisKeys.SESSION, keys.session(id))).as(id).isEqualTo(id);
                assertThat(keys.clientIdOf(RedisKeys.SUBSCRIPTIONS, keys.subscriptions(id))).as(id).isEqualTo(id);
            }
        }
    }

    @Test
    void ignoresKeysOfOtherKindsAndPrefixes() {
        RedisKeys keys = new RedisKeys("t:", true);

        assertThat(keys.clientIdOf(RedisKeys.SUBSCRIPTIONS, "t:subs-order:{c1}")).isNull();
        assertThat(keys.clientIdOf(RedisKeys.SESSION, "u:session:{c1}")).isNull();
        assertThat(keys.clientIdOf(RedisKeys.SESSION, "t:session:{c1")).isNull();
    }

    @Test
    void escapesTheGlobCharactersOfThePrefixInTheScanPattern() {
        assertThat(new RedisKeys("a*b?[c]\\:").scanPattern(RedisKeys.SESSION)).isEqualTo("a\\*b\\?\\[c\\]\\\\:session:{*");
    }
}
