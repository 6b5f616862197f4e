package dev.tern.bootstrap.config;

/** What happens when an offline or slow session's queue is full. */
public enum QueueOverflow implements ConfigChoice {
    /** Make room by discarding the oldest queued message. */
    DROP_OLDEST("drop-oldest"),
    /** Keep the queue as it is and discard the message that did not fit. */
    REFUSE_NEWEST("refuse-newest");

    private final String configName;

    QueueOverflow(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
