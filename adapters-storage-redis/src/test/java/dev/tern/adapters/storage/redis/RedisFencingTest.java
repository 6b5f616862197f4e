package dev.tern.adapters.storage.redis;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Fencing on one real {@code redis-server}. */
class RedisFencingTest extends FencingScenarios {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Override
    protected NodesUnderTest nodes() {
        return NodesUnderTest.on(REDIS);
    }
}
