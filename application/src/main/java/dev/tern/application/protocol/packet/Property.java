package dev.tern.application.protocol.packet;

import dev.tern.domain.message.UserProperty;
import java.util.Arrays;

/** One MQTT 5 property value, typed by its encoding. */
public sealed interface Property {

    PropertyId id();

    /** Byte, two- and four-byte and variable byte integers; {@code value} is unsigned. */
    record IntegerProperty(PropertyId id, long value) implements Property {
        public IntegerProperty {
            switch (id.type()) {
                case BYTE -> check(value, 0xFFL);
                case TWO_BYTE_INTEGER -> check(value, 0xFFFFL);
                case FOUR_BYTE_INTEGER -> check(value, 0xFFFF_FFFFL);
                case VARIABLE_BYTE_INTEGER -> check(value, 268_435_455L);
                default -> throw new IllegalArgumentException(id + " is not an integer property");
            }
        }

        private static void check(long value, long max) {
            if (value < 0 || value > max) {
                throw new IllegalArgumentException("property value out of range: " + value);
            }
        }
    }

    record StringProperty(PropertyId id, String value) implements Property {
        public StringProperty {
            if (id.type() != PropertyType.UTF8_STRING || value == null) {
                throw new IllegalArgumentException(id + " is not a string property, or value is null");
            }
        }
    }

    record BinaryProperty(PropertyId id, byte[] value) implements Property {
        public BinaryProperty {
            if (id.type() != PropertyType.BINARY_DATA || value == null) {
                throw new IllegalArgumentException(id + " is not a binary property, or value is null");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BinaryProperty other && other.id == id && Arrays.equals(other.value, value);
        }

        @Override
        public int hashCode() {
            return id.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "BinaryProperty[" + id + ", " + value.length + " bytes]";
        }
    }

    record UserPropertyEntry(UserProperty pair) implements Property {
        public UserPropertyEntry {
            if (pair == null) {
                throw new IllegalArgumentException("user property must not be null");
            }
        }

        @Override
        public PropertyId id() {
            return PropertyId.USER_PROPERTY;
        }
    }
}
