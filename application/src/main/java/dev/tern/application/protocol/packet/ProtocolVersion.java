package dev.tern.application.protocol.packet;

/** The protocol versions Tern speaks, with the name and level a CONNECT carries. */
public enum ProtocolVersion {
    MQTT_3_1("MQIsdp", 3),
    MQTT_3_1_1("MQTT", 4),
    MQTT_5("MQTT", 5);

    private final String protocolName;
    private final int level;

    ProtocolVersion(String protocolName, int level) {
        this.protocolName = protocolName;
        this.level = level;
    }

    public String protocolName() {
        return protocolName;
    }

    public int level() {
        return level;
    }

    public boolean isV5() {
        return this == MQTT_5;
    }

    /** The version named by a CONNECT, or null when the pair is not one Tern speaks. */
    public static ProtocolVersion of(String protocolName, int level) {
        for (ProtocolVersion v : values()) {
            if (v.level == level && v.protocolName.equals(protocolName)) {
                return v;
            }
        }
        return null;
    }
}
