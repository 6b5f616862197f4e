package dev.tern.bootstrap.config;

/** Where sessions, subscriptions, queues and retained messages live. */
public enum StorageBackend implements ConfigChoice {
    MEMORY("memory"),
    H2("h2"),
    REDIS("redis");

    private final String configName;

    StorageBackend(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
