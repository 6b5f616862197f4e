package dev.tern.e2e.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.bootstrap.config.Usage;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.e2e.support.HiveClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage backend and an event listener added as a jar in {@code plugins/}, with no change to
 * the broker: the jar is compiled here from sources that use only the stable API, and exists on
 * no class path.
 */
class PluginJarTest {

    private static final String STORAGE = """
            package com.example.plugin;

            import dev.tern.application.port.out.*;
            import dev.tern.application.port.plugin.*;
            import java.nio.file.*;
            import java.time.Clock;
            import java.util.ServiceLoader;

            /** Keeps state in the memory backend, found through the SPI, and notes when it opens and closes. */
            public final class LoggedStorageProvider implements StorageProvider<LoggedStorageProvider.Settings> {
                public record Settings(
                        @Setting(defaultValue = "none", description = "label of this store") String label,
                        @Setting(defaultValue = "storage.log", description = "where opening and closing are noted")
                        Path log) {
                }
                public String name() { return "logged"; }
                public String description() { return "memory, with a log of its lifecycle"; }
                public Class<Settings> settingsType() { return Settings.class; }

                @SuppressWarnings({"unchecked", "rawtypes"})
                public Storage open(Settings settings, Clock clock) {
                    StorageProvider memory = ServiceLoader.load(StorageProvider.class).stream()
                            .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory"))
                            .findFirst().orElseThrow();
                    Storage inner = memory.open(new NoSettings(), clock);
                    note(settings.log(), "opened " + settings.label());
                    return new Storage() {
                        public String description() { return "logged " + settings.label(); }
                        public boolean durable() { return false; }
                        public Stores stores() { return inner.stores(); }
                        public void close() { inner.close(); note(settings.log(), "closed"); }
                    };
                }

                private static void note(Path log, String line) {
                    try {
                        Files.writeString(log, line + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """;

    private static final String EVENTS = """
            package com.example.plugin;

            import dev.tern.application.port.out.*;
            import dev.tern.application.port.plugin.*;
            import java.nio.file.*;

            /** Writes one line per broker event: its kind and client. */
            public final class EventFileProvider implements EventListenerProvider<EventFileProvider.Settings> {
                public record Settings(@Setting(defaultValue = "events.log", description = "the event log") Path file) {
                }
                public String name() { return "event-file"; }
                public String description() { return "broker events to a file"; }
                public Class<Settings> settingsType() { return Settings.class; }

                public BrokerEventListener create(Settings settings) {
                    return event -> {
                        try {
                            Files.writeString(settings.file(), event.getClass().getSimpleName() + " " + event.clientId()
                                    + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    };
                }
            }
            """;

    @TempDir
    static Path work;
    private static Path plugins;

    @BeforeAll
    static void buildThePluginJar() throws Exception {
        Path jar = CompiledPluginJar.build(work.resolve("build"), "example-plugin.jar",
                Map.of("com/example/plugin/LoggedStorageProvider.java", STORAGE,
                        "com/example/plugin/EventFileProvider.java", EVENTS),
                Map.of("dev.tern.application.port.plugin.StorageProvider",
                        List.of("com.example.plugin.LoggedStorageProvider"),
                        "dev.tern.application.port.plugin.EventListenerProvider",
                        List.of("com.example.plugin.EventFileProvider")));
        plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve("example-plugin.jar"));
    }

    @Test
    void aStorageBackendAndAnEventListenerFromThePluginsDirectoryServeTheBroker() throws Exception {
        Path storageLog = work.resolve("storage.log");
        Path events = work.resolve("events.log");
        try (TernBroker broker = start("plugins.dir=" + plugins, "storage.backend=logged",
                "storage.logged.label=blue", "storage.logged.log=" + storageLog,
                "plugins.event-file.file=" + events)) {
            Mqtt3BlockingClient client = HiveClients.blocking(broker.port("tcp"), "plugged");
            client.connect();
            client.publishWith().topic("a/b").payload("x".getBytes(StandardCharsets.UTF_8)).send();
            client.disconnect();

            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(events)
                    && Files.readString(events).contains("ClientDisconnected plugged"));
            assertThat(Files.readAllLines(storageLog)).containsExactly("opened blue");
        }
        assertThat(Files.readAllLines(events)).startsWith("ClientConnected plugged", "MessagePublished plugged");
        assertThat(Files.readAllLines(storageLog)).containsExactly("opened blue", "closed");
    }

    @Test
    void anEventListenerPlugInCanBeSwitchedOff() throws Exception {
        Path events = work.resolve("off.log");
        try (TernBroker broker = start("plugins.dir=" + plugins, "storage.backend=memory",
                "plugins.event-file.file=" + events, "plugins.event-file.enabled=false")) {
            Mqtt3BlockingClient client = HiveClients.blocking(broker.port("tcp"), "unseen");
            client.connect();
            client.disconnect();
        }
        assertThat(events).doesNotExist();
    }

    @Test
    void helpListsThePlugInsSettings() {
        assertThat(Usage.text(ProviderDiscovery.discover(plugins)))
                .contains("storage.logged.label", "storage.logged.log", "plugins.event-file.file",
                        "plugins.event-file.enabled");
    }

    private static TernBroker start(String... settings) throws Exception {
        List<CommandLine.Setting> parsed = new java.util.ArrayList<>(List.of(
                new CommandLine.Setting("listeners.tcp.port", "0"),
                new CommandLine.Setting("listeners.websocket.enabled", "false"),
                new CommandLine.Setting("admin.http.port", "0")));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        return TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), parsed), Map.of()));
    }
}
