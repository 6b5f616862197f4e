package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;

/** Counts the forwarded messages a node's receiver gets. Threading: single-threaded, for one test. */
final class CountingForwarding {

    private int messages;

    int messages() {
        return messages;
    }

    ForwardReceiver around(ForwardReceiver receiver) {
        return new ForwardReceiver() {
            @Override
            public void message(ForwardedMessage message, Runnable settled) {
                messages++;
                receiver.message(message, settled);
            }

            @Override
            public void retained(ApplicationMessage message) {
                receiver.retained(message);
            }

            @Override
            public void signal(ClusterSignal signal) {
                receiver.signal(signal);
            }

            @Override
            public void resync() {
                receiver.resync();
            }
        };
    }
}
