package dev.tern.adapters.storage.redis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The group commits' own connection to one Redis server: the committing thread writes MULTI, the
 * batch's commands, EXEC (and WAIT when replicas are asked for) in one write and reads the replies
 * itself. Through Redisson the same commit cost a future and a timeout per command and two thread
 * hand-offs (to Redisson's event loop and back): most of a commit's time in the fill of offline
 * queues (see docs/benchmarks.md, "Redis fill"). Redis does the same work either way, and a batch
 * counts as written only once EXEC (and WAIT) replied without an error, as before.
 *
 * <p>Failures: a connection that fails or times out is closed (its reply stream is in an unknown
 * state) and the batch is sent once more on a new one, as Redisson retried; every write is a
 * replace or a delete, so applying a batch twice leaves the same state. A command that fails
 * inside EXEC fails the batch; the connection stays usable.
 *
 * <p>Threading: thread-safe; one commit at a time (the storage writer has one thread).
 */
final class RespConnection implements AutoCloseable {

    private static final int ATTEMPTS = 1 + ClientConfig.RETRY_ATTEMPTS;

    private final RedisUrl url;
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ReplicaWait replicaWait;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean closed;

    RespConnection(RedisUrl url, RedisStorageSettings settings) {
        URI address = URI.create(url.address());
        this.url = url;
        this.host = address.getHost();
        this.port = address.getPort();
        this.timeoutMillis = Math.toIntExact(settings.commandTimeout().toMillis());
        this.replicaWait = ReplicaWait.of(settings);
    }

    /** A connection for {@code settings} when it names one plain-TCP server by url, else null (Redisson writes). */
    static RespConnection forUrl(RedisStorageSettings settings) {
        if (settings.redissonConfig() != null) {
            return null;
        }
        RedisUrl url = RedisUrl.parse(settings.url());
        return url.address().startsWith("redis://") ? new RespConnection(url, settings) : null;
    }

    /**
     * Sends {@code batch} as one transaction and waits for its replies.
     *
     * @throws StorageUnavailableException when Redis cannot be reached, refuses a command, or too
     *                                     few replicas confirmed (the batch may then be applied)
     */
    synchronized void execute(RespBatch batch) {
        batch.end(replicaWait.replicas(), replicaWait.timeout().toMillis());
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                open();
                out.write(batch.buffer(), 0, batch.size());
                out.flush();
                readReplies(batch.commands());
                return;
            } catch (IOException | NumberFormatException e) {
                drop();
                last = e instanceof IOException io ? io : new IOException("unexpected reply: " + e.getMessage());
            }
        }
        throw new StorageUnavailableException("Redis transaction failed at " + url.redacted() + ": " + last, last);
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    private void readReplies(int commands) throws IOException {
        String failure = null;
        expectOk("MULTI");
        for (int i = 0; i < commands; i++) {
            String queued = RespReplies.line(in);
            if (queued.startsWith("-") && failure == null) {
                failure = queued.substring(1);
            }
        }
        String exec = RespReplies.line(in);
        if (exec.startsWith("-")) {
            failure = failure == null ? exec.substring(1) : failure;
        } else {
            int replies = Integer.parseInt(exec.substring(1));
            for (int i = 0; i < replies; i++) {
                String error = RespReplies.skip(in);
                if (error != null && failure == null) {
                    failure = error;
                }
            }
        }
        if (replicaWait.any()) {
            long confirmed = Long.parseLong(RespReplies.line(in).substring(1));
            if (failure == null && confirmed < replicaWait.replicas()) {
                failure = "only " + confirmed + " of " + replicaWait.replicas() + " replicas confirmed it in time";
            }
        }
        if (failure != null) {
            throw new StorageUnavailableException("Redis at " + url.redacted() + " refused a write: " + failure, null);
        }
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        if (socket != null) {
            return;
        }
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
            out = opened.getOutputStream();
            handshake();
        } catch (IOException | RuntimeException e) {
            drop();
            opened.close();
            throw e;
        }
    }

    private void handshake() throws IOException {
        RespBatch hello = new RespBatch();
        if (url.password() != null) {
            hello.control(url.user() == null ? new String[] {"AUTH", url.password()}
                    : new String[] {"AUTH", url.user(), url.password()});
        }
        hello.control("SELECT", Integer.toString(url.database()));
        hello.control("CLIENT", "SETNAME", "tern-writer");
        out.write(hello.buffer(), 0, hello.size());
        out.flush();
        for (int i = 0; i < hello.controls(); i++) {
            String reply = RespReplies.line(in);
            if (!reply.startsWith("+")) {
                // Never the password: only what Redis answered.
                throw new StorageUnavailableException("Redis at " + url.redacted() + " refused the connection: "
                        + reply.substring(1), null);
            }
        }
    }

    private void expectOk(String command) throws IOException {
        String reply = RespReplies.line(in);
        if (!reply.equals("+OK")) {
            throw new IOException(command + " answered " + reply);
        }
    }

    private void drop() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken connection: nothing left to do with it.
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
