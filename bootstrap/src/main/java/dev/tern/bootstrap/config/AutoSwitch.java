package dev.tern.bootstrap.config;

/** A switch whose default depends on other settings: {@code auto}, or forced {@code true} or {@code false}. */
public enum AutoSwitch implements ConfigChoice {
    AUTO("auto"), TRUE("true"), FALSE("false");

    private final String configName;

    AutoSwitch(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The forced value, or {@code whenAuto}. */
    public boolean resolve(boolean whenAuto) {
        return this == AUTO ? whenAuto : this == TRUE;
    }
}
