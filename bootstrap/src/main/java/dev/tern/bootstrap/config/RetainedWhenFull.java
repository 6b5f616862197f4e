package dev.tern.bootstrap.config;

/** What the retained store does with a message that would take it past its limits. */
public enum RetainedWhenFull implements ConfigChoice {
    /** Refuse the PUBLISH (MQTT 5: 0x97 Quota exceeded; 3.1.1: the connection closes). */
    REFUSE("refuse"),
    /** Delete the retained messages set longest ago until the new one fits. */
    DROP_OLDEST("drop-oldest");

    private final String configName;

    RetainedWhenFull(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
