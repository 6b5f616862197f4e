package dev.tern.domain.message;

/** The three delivery guarantees of MQTT, in ascending order of strength. */
public enum Qos {
    AT_MOST_ONCE(0),
    AT_LEAST_ONCE(1),
    EXACTLY_ONCE(2);

    private static final Qos[] BY_VALUE = values();

    private final int value;

    Qos(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** @throws IllegalArgumentException for a value outside 0..2; decoders check before calling. */
    public static Qos of(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + value);
        }
        return BY_VALUE[value];
    }

    public static boolean isValid(int value) {
        return value >= 0 && value <= 2;
    }

    /** The lower of the two, as delivery to a subscription requires [MQTT-3.8.4-6]. */
    public Qos min(Qos other) {
        return value <= other.value ? this : other;
    }

    public Qos max(Qos other) {
        return value >= other.value ? this : other;
    }
}
