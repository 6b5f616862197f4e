package dev.tern.bootstrap.config;

/** When a durable backend acknowledges a message that must be stored. */
public enum Durability implements ConfigChoice {
    /** PUBACK/PUBREC only after the commit: nothing acknowledged is lost, at the cost of latency. */
    ACK_AFTER_COMMIT("ack-after-commit"),
    /** Acknowledge at once and commit right behind: a crash loses what the last batch held. */
    PERIODIC("periodic");

    private final String configName;

    Durability(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
