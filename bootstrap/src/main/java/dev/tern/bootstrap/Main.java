package dev.tern.bootstrap;

import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.CommandLineResult;
import dev.tern.bootstrap.config.ConfigException;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.bootstrap.config.Usage;
import dev.tern.bootstrap.plugin.PluginException;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import dev.tern.bootstrap.security.ApiKeyCommand;
import dev.tern.bootstrap.security.PasswdCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar tern.jar [--config FILE] [--set key=value]...}: runs the broker until SIGTERM.
 * {@code java -jar tern.jar passwd ...} manages a password file instead (see {@link PasswdCommand}),
 * {@code java -jar tern.jar apikey ...} the admin API keys (see {@link ApiKeyCommand}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** Netty's switch for its buffer leak detector, read once when the detector's class loads. */
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("passwd")) {
            System.exit(new PasswdCommand(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    System.console(), System.out, System.err)
                    .run(Arrays.asList(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals("apikey")) {
            System.exit(new ApiKeyCommand(System.out, System.err, Clock.systemUTC())
                    .run(Arrays.asList(args).subList(1, args.length)));
        }
        CommandLineResult parsed = CommandLine.parse(Arrays.asList(args));
        if (parsed instanceof CommandLineResult.Run run) {
            run(run.commandLine());
        } else if (parsed instanceof CommandLineResult.Invalid invalid) {
            System.err.println(invalid.message());
            System.err.println("Run with --help for the settings.");
            System.exit(2);
        } else {
            System.out.println(Usage.text(helpProviders()));
        }
    }

    /** The class path's providers and those of ./plugins, or of TERN_PLUGINS_DIR when set. */
    private static Providers helpProviders() {
        String dir = System.getenv(ConfigLoader.ENVIRONMENT_PREFIX + "PLUGINS_DIR");
        return ProviderDiscovery.discover(Path.of(dir == null ? "./plugins" : dir));
    }

    /**
     * The standalone broker runs without Netty's buffer leak detector unless {@code
     * -Dio.netty.leakDetection.level} asks for it. Netty's own default samples one buffer in 128
     * and records where it was allocated, a {@code Throwable} with its stack trace each time: 1 to
     * 4% of the broker's CPU in profiles of a fan-in with one PUBLISH per write
     * (docs/benchmarks-investigations.md, "One event loop per two processors").
     * Set here, before any Netty class loads, and not in the adapter: the test suites and embedding
     * applications ({@link Tern#builder()}) keep Netty's default, where a leak is worth finding.
     */
    static void leakDetectionOffUnlessAsked() {
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
    }

    private static void run(CommandLine commandLine) {
        leakDetectionOffUnlessAsked();
        BrokerConfig config;
        try {
            config = ConfigLoader.load(commandLine, System.getenv());
        } catch (ConfigException | PluginException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogFormatSwitch.apply(config.log().format());
        TernBroker broker;
        try {
            broker = TernBroker.start(config);
        } catch (IOException | RuntimeException e) {
            LOG.error("Tern could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Tern stopping");
            broker.close();
            LOG.info("Tern stopped");
        }, "tern-shutdown"));
    }
}
