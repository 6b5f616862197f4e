package dev.tern.e2e.cluster;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare Redis connection for a test to look at what the nodes keep, without a client library:
 * commands as arrays of bulk strings, replies as {@code byte[]} (bulk), {@code String} (status),
 * {@code Long}, {@code List} or null; an error reply fails the call.
 *
 * <p>Threading: one test thread at a time.
 */
final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the one {@code redis-server} whose {@code storage.redis.url} is among {@code storageSettings}. */
    static RespConnection to(List<String> storageSettings) throws IOException {
        String url = storageSettings.stream().filter(s -> s.startsWith("storage.redis.url=redis://")).findFirst()
                .orElseThrow(() -> new AssertionError("not one redis-server: " + storageSettings));
        String hostPort = url.substring("storage.redis.url=redis://".length()).replaceAll("/.*", "");
        int colon = hostPort.lastIndexOf(':');
        return new RespConnection(new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
    }

    Object call(String... args) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        command.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            command.writeBytes(bytes);
            command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(command.toByteArray());
        out.flush();
        return reply();
    }

    private Object reply() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case ':':
                return Long.parseLong(line);
            case '-':
                throw new AssertionError("redis refused: " + line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bulk = in.readNBytes(length);
                line();
                return bulk;
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(reply());
                }
                return items;
            }
            default:
                throw new AssertionError("unexpected reply type " + type);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
