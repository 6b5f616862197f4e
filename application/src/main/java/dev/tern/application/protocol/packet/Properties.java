package dev.tern.application.protocol.packet;

import dev.tern.domain.message.UserProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 properties of one packet, in wire order. MQTT 3.1.1 packets carry {@link #EMPTY}.
 * Lookups scan the list: packets carry a handful of properties, so a map would cost more.
 */
public record Properties(List<Property> entries) {

    public static final Properties EMPTY = new Properties(List.of());

    public Properties {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(PropertyId id) {
        for (Property p : entries) {
            if (p.id() == id) {
                return true;
            }
        }
        return false;
    }

    /** The integer value of the first property {@code id}, or {@code absent}. */
    public long integer(PropertyId id, long absent) {
        for (Property p : entries) {
            if (p.id() == id && p instanceof Property.IntegerProperty i) {
                return i.value();
            }
        }
        return absent;
    }

    /** Every value of a repeatable integer property (Subscription Identifier), in order. */
    public List<Long> integers(PropertyId id) {
        List<Long> values = new ArrayList<>(2);
        for (Property p : entries) {
            if (p.id() == id && p instanceof Property.IntegerProperty i) {
                values.add(i.value());
            }
        }
        return values;
    }

    /** The string value of property {@code id}, or null. */
    public String string(PropertyId id) {
        for (Property p : entries) {
            if (p.id() == id && p instanceof Property.StringProperty s) {
                return s.value();
            }
        }
        return null;
    }

    /** The binary value of property {@code id}, or null. */
    public byte[] binary(PropertyId id) {
        for (Property p : entries) {
            if (p.id() == id && p instanceof Property.BinaryProperty b) {
                return b.value();
            }
        }
        return null;
    }

    public List<UserProperty> userProperties() {
        List<UserProperty> pairs = new ArrayList<>();
        for (Property p : entries) {
            if (p instanceof Property.UserPropertyEntry u) {
                pairs.add(u.pair());
            }
        }
        return pairs;
    }

    /** Both lists of properties, {@code first}'s before {@code second}'s. */
    public static Properties concat(Properties first, Properties second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        Builder builder = builder();
        first.entries.forEach(builder::add);
        second.entries.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects properties in the order they are added. */
    public static final class Builder {
        private final List<Property> entries = new ArrayList<>();

        public Builder integer(PropertyId id, long value) {
            entries.add(new Property.IntegerProperty(id, value));
            return this;
        }

        public Builder string(PropertyId id, String value) {
            if (value != null) {
                entries.add(new Property.StringProperty(id, value));
            }
            return this;
        }

        public Builder binary(PropertyId id, byte[] value) {
            if (value != null) {
                entries.add(new Property.BinaryProperty(id, value));
            }
            return this;
        }

        public Builder user(String name, String value) {
            entries.add(new Property.UserPropertyEntry(new UserProperty(name, value)));
            return this;
        }

        public Builder userProperties(List<UserProperty> pairs) {
            for (UserProperty pair : pairs) {
                entries.add(new Property.UserPropertyEntry(pair));
            }
            return this;
        }

        public Builder add(Property property) {
            entries.add(property);
            return this;
        }

        public Properties build() {
            return entries.isEmpty() ? EMPTY : new Properties(entries);
        }
    }
}
