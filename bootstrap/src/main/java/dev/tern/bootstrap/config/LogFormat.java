package dev.tern.bootstrap.config;

/** The format of the broker's log lines. */
public enum LogFormat implements ConfigChoice {
    /** One human-readable line per event (the pattern in logback.xml). */
    TEXT("text"),
    /** One JSON object per line (Logback's {@code JsonEncoder}), for log collectors. */
    JSON("json");

    private final String configName;

    LogFormat(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
