package dev.tern.benchmarks.load;

/**
 * The protocol the load generator speaks, chosen per run with {@code --protocol}. Both versions
 * send the same scenarios; MQTT 5 only adds the property sections its packets require.
 *
 * <p>Threading: immutable.
 */
enum MqttVersion {

    V3_1_1("3.1.1", 4),
    V5("5", 5);

    private final String label;
    private final int level;

    MqttVersion(String label, int level) {
        this.label = label;
        this.level = level;
    }

    /** @param label as given on the command line and printed in the JSON line: "3.1.1" or "5" */
    static MqttVersion parse(String label) {
        for (MqttVersion version : values()) {
            if (version.label.equals(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("--protocol must be 3.1.1 or 5, not " + label);
    }

    String label() {
        return label;
    }

    /** The Protocol Level byte of CONNECT. */
    int level() {
        return level;
    }

    boolean isV5() {
        return this == V5;
    }
}
