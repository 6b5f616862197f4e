package dev.tern.e2e.raw;

/** Control packet types by their fixed-header value, as the raw client names them in assertions. */
public enum PacketType {
    RESERVED, CONNECT, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP,
    SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK, PINGREQ, PINGRESP, DISCONNECT, AUTH;

    public static PacketType of(int firstByte) {
        return values()[(firstByte >> 4) & 0x0F];
    }
}
