package dev.tern.domain.message;

/** An MQTT 5 user property: a name-value pair whose order and duplicates are kept. */
public record UserProperty(String name, String value) {
    public UserProperty {
        if (name == null || value == null) {
            throw new IllegalArgumentException("user property name and value must not be null");
        }
    }
}
