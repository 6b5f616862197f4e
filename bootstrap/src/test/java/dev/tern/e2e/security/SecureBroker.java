package dev.tern.e2e.security;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.bootstrap.security.PasswdCommand;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker on ephemeral loopback ports configured with {@code --set} style settings, plus password file helpers. */
final class SecureBroker implements AutoCloseable {

    private final TernBroker broker;

    private SecureBroker(TernBroker broker) {
        this.broker = broker;
    }

    static SecureBroker start(String... settings) throws Exception {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        parsed.add(new CommandLine.Setting("storage.backend", "memory"));
        parsed.add(new CommandLine.Setting("listeners.tcp.port", "0"));
        parsed.add(new CommandLine.Setting("listeners.websocket.port", "0"));
        parsed.add(new CommandLine.Setting("admin.http.port", "0"));
        parsed.add(new CommandLine.Setting("listeners.tls.port", "0"));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), parsed), Map.of());
        return new SecureBroker(TernBroker.start(config));
    }

    int tcpPort() {
        return broker.port("tcp");
    }

    int tlsPort() {
        return broker.port("tls");
    }

    /** Adds or changes a user the way an operator would, through {@code tern passwd}. */
    static void passwd(Path file, String user, String password) {
        int exit = new PasswdCommand(new BufferedReader(new StringReader(password + "\n")), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)
                .run(List.of(file.toString(), user));
        if (exit != 0) {
            throw new AssertionError("tern passwd failed with " + exit);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
