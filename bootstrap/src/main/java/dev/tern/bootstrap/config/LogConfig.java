package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;

/**
 * How the broker process writes its log: the {@code log.*} settings. Only {@code tern.jar}'s
 * {@code Main} applies them; an embedding application keeps its own logging.
 */
public record LogConfig(
        @Setting(defaultValue = "text", description =
                "log line format on standard output: text, or json (one JSON object per line, for log collectors)")
        LogFormat format) {

    public LogConfig {
        Objects.requireNonNull(format, "format");
    }
}
