package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.testkit.cluster.MessageForwardingContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisMessageForwardingTest extends MessageForwardingContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(REDIS);

    @Override
    protected MessageForwarding join(String nodeId) {
        return nodes.forwarding(nodeId, CLOCK, BOUND);
    }

    @Override
    protected void stop(String nodeId) {
        nodes.stop(nodeId);
    }

    @Override
    protected void interruptLink(String nodeId) {
        nodes.interruptLink(nodeId);
    }

    @AfterEach
    void leave() {
        nodes.close();
    }
}
