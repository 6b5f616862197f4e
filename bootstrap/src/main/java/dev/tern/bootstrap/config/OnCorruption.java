package dev.tern.bootstrap.config;

/** What the broker does when the H2 database file is damaged or unreadable. */
public enum OnCorruption implements ConfigChoice {
    /** Stop with a message naming the file and this option. */
    FAIL("fail"),
    /** Move the file aside, say so loudly, and start with an empty database. */
    QUARANTINE("quarantine");

    private final String configName;

    OnCorruption(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
