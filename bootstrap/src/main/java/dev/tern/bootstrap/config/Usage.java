package dev.tern.bootstrap.config;

/** The {@code --help} text, listing every setting with its default. */
public final class Usage {

    private Usage() {
    }

    public static String text() {
        StringBuilder text = new StringBuilder()
                .append("Usage: tern [--config FILE] [--set KEY=VALUE]... [--help]\n\n")
                .append("  --config FILE     read settings from a YAML file\n")
                .append("  --set KEY=VALUE   set one setting; repeatable\n")
                .append("  --help            print this help and exit\n\n")
                .append("Later sources win: built-in defaults, the --config file, environment variables,\n")
                .append("--set. The environment variable of a key is TERN_ and the key in upper case with\n")
                .append("dots and dashes as underscores, e.g. ")
                .append(ConfigKeys.TCP_PORT.environmentName()).append(".\n\n")
                .append("Settings (default in brackets):\n");
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            text.append(String.format("  %-28s [%s]\n      %s\n", key.name(), key.defaultValue(), key.description()));
        }
        return text.toString();
    }
}
