package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;
import java.nio.ByteBuffer;

/**
 * The MQTT 5 tail of PUBACK, PUBREC, PUBREL, PUBCOMP, DISCONNECT and AUTH in its shortest form:
 * nothing for Success without properties, the reason code alone without properties, both otherwise
 * (3.4.2.1, 3.14.2.1, 3.15.2.1).
 */
final class ReasonAndPropertiesEncoder {

    private ReasonAndPropertiesEncoder() {
    }

    static int size(int reasonCode, Properties properties) {
        if (properties.isEmpty()) {
            return reasonCode == ReasonCode.SUCCESS ? 0 : 1;
        }
        return 1 + PropertiesEncoder.encodedSize(properties);
    }

    static void write(int reasonCode, Properties properties, ByteBuffer out) {
        if (properties.isEmpty() && reasonCode == ReasonCode.SUCCESS) {
            return;
        }
        out.put((byte) reasonCode);
        if (!properties.isEmpty()) {
            PropertiesEncoder.write(properties, out);
        }
    }
}
