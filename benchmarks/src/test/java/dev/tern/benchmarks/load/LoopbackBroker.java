package dev.tern.benchmarks.load;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-process Tern on loopback, ephemeral ports, memory store, for the load generator's tests. */
final class LoopbackBroker {

    private LoopbackBroker() {
    }

    /** @param settings name, value, name, value, ... on top of the loopback defaults */
    static TernBroker start(String... settings) throws Exception {
        List<CommandLine.Setting> all = new ArrayList<>(List.of(
                new CommandLine.Setting("storage.backend", "memory"),
                new CommandLine.Setting("listeners.tcp.host", "127.0.0.1"),
                new CommandLine.Setting("listeners.tcp.port", "0"),
                new CommandLine.Setting("listeners.websocket.port", "0"),
                new CommandLine.Setting("admin.http.port", "0")));
        for (int i = 0; i + 1 < settings.length; i += 2) {
            all.add(new CommandLine.Setting(settings[i], settings[i + 1]));
        }
        return TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), all), Map.of()));
    }
}
