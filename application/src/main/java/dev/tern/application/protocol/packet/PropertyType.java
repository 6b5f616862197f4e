package dev.tern.application.protocol.packet;

/** How an MQTT 5 property value is encoded (section 2.2.2.2). */
public enum PropertyType {
    BYTE, TWO_BYTE_INTEGER, FOUR_BYTE_INTEGER, VARIABLE_BYTE_INTEGER, UTF8_STRING, BINARY_DATA, UTF8_STRING_PAIR
}
