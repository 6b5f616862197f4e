package dev.tern.e2e.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for processes the tests start, chosen below the kernel's ephemeral range (as
 * scripts/free-port.sh does): a port the kernel hands out to client sockets could be taken by one
 * of the test's own connections between being chosen and being bound by the child process.
 *
 * <p>Threading: thread-safe; each port is handed out once per test run.
 */
final class LoopbackPorts {

    private static final int LOWEST = 10_000;
    private static final int SPAN = 20_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private LoopbackPorts() {
    }

    /** A port nothing listens on now and that this run has not handed out before. */
    static synchronized int free() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(SPAN);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return probe.getLocalPort();
            } catch (IOException taken) {
                // Someone listens there: try another.
            }
        }
        throw new IOException("no free loopback port between " + LOWEST + " and " + (LOWEST + SPAN));
    }
}
