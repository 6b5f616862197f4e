package dev.tern.adapters.storage.redis;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads RESP2 replies off a blocking stream: only as much as {@link RespConnection} needs to tell
 * success from failure, without keeping the values.
 *
 * <p>Threading: stateless.
 */
final class RespReplies {

    private RespReplies() {
    }

    /** One reply line without its CRLF: its type character, then its text. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed by Redis");
            }
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("malformed reply line");
                }
                return line.toString();
            }
            line.append((char) c);
        }
    }

    /** Reads one whole reply (arrays with their elements); returns its error text, or null if it is none. */
    static String skip(InputStream in) throws IOException {
        String line = line(in);
        if (line.isEmpty()) {
            throw new IOException("empty reply line");
        }
        switch (line.charAt(0)) {
            case '-':
                return line.substring(1);
            case '+', ':':
                return null;
            case '$':
                skipBytes(in, Integer.parseInt(line.substring(1)));
                return null;
            case '*':
                String error = null;
                int elements = Integer.parseInt(line.substring(1));
                for (int i = 0; i < elements; i++) {
                    String inner = skip(in);
                    error = error == null ? inner : error;
                }
                return error;
            default:
                throw new IOException("unexpected reply type " + new String(new byte[] {(byte) line.charAt(0)},
                        StandardCharsets.ISO_8859_1));
        }
    }

    private static void skipBytes(InputStream in, int length) throws IOException {
        if (length < 0) {
            return; // a null bulk string has no body
        }
        long left = length + 2L;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed by Redis");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
