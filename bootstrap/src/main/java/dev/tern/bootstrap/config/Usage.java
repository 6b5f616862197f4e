package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.bootstrap.plugin.Providers;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --help} text, listing every setting of the core and of every provider found, with its default. */
public final class Usage {

    private Usage() {
    }

    public static String text(Providers providers) {
        StringBuilder text = new StringBuilder()
                .append("Usage: tern [--config FILE] [--set KEY=VALUE]... [--help]\n")
                .append("       tern passwd [-D] [--password PASSWORD] FILE USER\n")
                .append("       tern apikey create|revoke FILE NAME | tern apikey list FILE\n\n")
                .append("  --config FILE     read settings from a YAML file\n")
                .append("  --set KEY=VALUE   set one setting; repeatable\n")
                .append("  --help            print this help and exit\n\n")
                .append("Later sources win: built-in defaults, the --config file, environment variables,\n")
                .append("--set. The environment variable of a key is TERN_ and the key in upper case with\n")
                .append("dots and dashes as underscores, e.g. TERN_LISTENERS_TCP_PORT.\n\n")
                .append("A second listener of a kind: listeners.NAME.type=KIND, then listeners.NAME.* as below.\n")
                .append("Plug-in jars in plugins.dir add providers, and their settings, to this list.\n\n")
                .append("Settings (default in brackets):\n");
        Map<String, ListenerProvider<?>> instances = new LinkedHashMap<>();
        providers.listeners().forEach(provider -> instances.put(provider.name(), provider));
        for (SettingSpec spec : new ConfigSchema(providers, instances).specs().values()) {
            text.append(String.format("  %-40s [%s]\n      %s\n", spec.key(), spec.defaultValue(), spec.description()));
        }
        return text.toString();
    }
}
