package dev.tern.testkit.cluster;

import dev.tern.application.port.cluster.MessageForwarding;

class InMemoryMessageForwardingTest extends MessageForwardingContract {

    private final InMemoryClusterNodes nodes = new InMemoryClusterNodes(CLOCK, BOUND);

    @Override
    protected MessageForwarding join(String nodeId) {
        return nodes.join(nodeId).forwarding();
    }

    @Override
    protected void stop(String nodeId) {
        nodes.stop(nodeId);
    }

    @Override
    protected void interruptLink(String nodeId) {
        nodes.interruptLink(nodeId);
    }
}
