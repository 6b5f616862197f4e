package dev.tern.e2e.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for the durability and cluster tests, on a free port with a data directory of its own.
 * A missing redis-server fails the test with the install line; it never skips.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final String binary;
    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;

    private RedisServerProcess(String binary, Path dir, Process process, int port, boolean persistent) {
        this.persistent = persistent;
        this.binary = binary;
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /*
     * Persistent: an append-only file synced at every write, so that a restart keeps everything
     * acknowledged (the setup a production Redis holding Tern's state has); otherwise nothing on disk.
     */
    private static Process launch(String binary, Path dir, int port, boolean persistent) throws IOException {
        return new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", persistent ? "yes" : "no", "--appendfsync", "always",
                "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
    }

    /** Kills the server: Redis is gone, as in an outage. */
    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same port: empty, or as it was if it is persistent. */
    public void restart() throws IOException, InterruptedException {
        process = launch(binary, dir, port, persistent);
        if (!awaitPing()) {
            throw new AssertionError("redis-server did not restart on port " + port);
        }
    }

    public static RedisServerProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, false);
    }

    /** A server that keeps everything across a restart (append-only file, synced at every write). */
    public static RedisServerProcess startPersistent(Path dir) throws IOException, InterruptedException {
        return start(dir, true);
    }

    private static RedisServerProcess start(Path dir, boolean persistent) throws IOException, InterruptedException {
        String binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new AssertionError("redis-server is not installed; run: apt-get install -y redis-server"
                        + " (scripts/test.sh does this when run as root)"));
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = BrokerProcess.freePort();
            Process process = launch(binary, dir, port, persistent);
            RedisServerProcess redis = new RedisServerProcess(binary, dir, process, port, persistent);
            if (redis.awaitPing()) {
                return redis;
            }
            process.destroyForcibly();
        }
        throw new AssertionError("redis-server did not start; see " + dir.resolve("redis.log"));
    }

    private boolean awaitPing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return true;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
