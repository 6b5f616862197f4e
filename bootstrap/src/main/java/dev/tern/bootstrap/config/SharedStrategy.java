package dev.tern.bootstrap.config;

/** How a shared subscription group's member is chosen for each message. */
public enum SharedStrategy implements ConfigChoice {
    ROUND_ROBIN("round-robin"),
    RANDOM("random"),
    STICKY("sticky");

    private final String configName;

    SharedStrategy(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
