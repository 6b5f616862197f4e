package dev.tern.e2e.raw;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts the bytes a server sends into packets: fixed header, remaining length, body. Shared by the
 * raw clients over a socket and over a WebSocket; the caller's stream decides how long a read may
 * wait.
 *
 * <p>Threading: stateless.
 */
public final class PacketStream {

    private PacketStream() {
    }

    /** Reads one whole packet, or fails with the stream's time out or end. */
    public static ReceivedPacket read(InputStream in) throws IOException {
        int firstByte = readBytes(in, 1)[0] & 0xFF;
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = readBytes(in, 1)[0] & 0xFF;
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return new ReceivedPacket(PacketType.of(firstByte), firstByte & 0x0F, readBytes(in, length));
    }

    /** Reads exactly {@code count} bytes, or fails with the time out or end of stream. */
    static byte[] readBytes(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            int n = in.read(bytes, read, count - read);
            if (n < 0) {
                throw new IOException("server closed the connection after " + read + " of " + count + " bytes");
            }
            read += n;
        }
        return bytes;
    }
}
