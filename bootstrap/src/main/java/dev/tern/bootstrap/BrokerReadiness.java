package dev.tern.bootstrap;

import dev.tern.application.port.out.Readiness;
import dev.tern.application.storage.StorageWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the broker serves: the stored sessions restored, every network listener bound, and the
 * store's last commit succeeded (a durable store that fails its commits is taken as unreachable).
 * Not ready before start has finished, nor once stop has begun.
 *
 * <p>Threading: thread-safe; set by the lifecycle thread, read by health probes.
 */
final class BrokerReadiness implements Readiness {

    private volatile boolean restored;
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Optional<StorageWriter> writer = Optional.empty();

    void storageWriter(Optional<StorageWriter> storageWriter) {
        this.writer = storageWriter;
    }

    void restored() {
        restored = true;
    }

    void listening() {
        listening = true;
    }

    void stopping() {
        stopping = true;
    }

    @Override
    public Report report() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("sessions", restored ? "restored" : "not restored");
        checks.put("listeners", listening ? "bound" : "not bound");
        boolean storageOk = writer.map(w -> !w.failing()).orElse(true);
        checks.put("storage", storageOk ? "reachable" : "last commit failed");
        if (stopping) {
            checks.put("broker", "stopping");
        }
        return new Report(restored && listening && storageOk && !stopping, checks);
    }
}
