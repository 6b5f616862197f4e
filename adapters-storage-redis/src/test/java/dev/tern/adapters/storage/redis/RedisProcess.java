package dev.tern.adapters.storage.redis;

import dev.tern.testkit.process.ProcessThreads;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One Redis process for tests ({@code redis-server} or {@code redis-sentinel}) on a free port of
 * 127.0.0.1, in a temporary directory of its own, started and answering PING, or a failure saying
 * why; {@link #close()} stops it and deletes the directory.
 *
 * <p>Threading: one thread at a time.
 */
final class RedisProcess implements AutoCloseable {

    private static final int START_ATTEMPTS = 5;

    private final int port;
    private final Process process;
    private final Path directory;

    private RedisProcess(int port, Process process, Path directory) {
        this.port = port;
        this.process = process;
        this.directory = directory;
    }

    /**
     * Starts {@code executable} with the arguments {@code arguments} makes of a free port and the
     * process's temporary directory (where it may also write a configuration file first).
     */
    static RedisProcess start(Path executable, BiFunction<Integer, Path, List<String>> arguments) {
        IllegalStateException lastFailure = null;
        // A free port can be taken between choosing it and the process binding it: try again.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(executable, freePort(), arguments);
            } catch (IllegalStateException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static RedisProcess startOnce(Path executable, int port, BiFunction<Integer, Path, List<String>> arguments) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tern-redis-test");
            Path log = directory.resolve("redis.log");
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(arguments.apply(port, directory));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(executable.getFileName() + " on port " + port + " exited: "
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                if (answersPing(port)) {
                    return new RedisProcess(port, process, directory);
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            throw new IllegalStateException(executable.getFileName() + " on port " + port
                    + " did not answer PING within 10 s");
        } catch (IOException e) {
            deleteQuietly(directory);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + executable.getFileName(), e);
        } catch (IllegalStateException e) {
            deleteQuietly(directory);
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** The process's temporary directory, deleted by {@link #close()}. */
    Path directory() {
        return directory;
    }

    /** A client for this process. */
    RespClient client() {
        try {
            return new RespClient("127.0.0.1", port, 2_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code command} every 50 ms until {@code answered} accepts the reply; once {@code
     * timeout} has passed, a failure naming {@code awaited} and the last reply.
     */
    void awaitReply(Duration timeout, Predicate<Object> answered, String awaited, String... command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object reply = null;
        try (RespClient client = client()) {
            while (System.nanoTime() < deadline) {
                reply = client.call(command);
                if (answered.test(reply)) {
                    return;
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("port " + port + ": " + awaited + " not seen in time; last reply " + reply);
    }

    /**
     * Stops the process in its tracks (SIGSTOP): it keeps its connections but answers nothing.
     * Returns once every thread of it is stopped: {@code kill} returns when the signal is sent, and
     * on a loaded machine a thread may still run for some milliseconds after.
     */
    void pause() {
        signal("-STOP");
        try {
            new ProcessThreads(process.pid()).await(state -> state == 'T', "stopped", Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing " + process.pid(), e);
        }
    }

    /** Lets a paused process go on (SIGCONT). */
    void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + process.pid(), e);
        }
    }

    private static boolean answersPing(int port) {
        try (RespClient client = new RespClient("127.0.0.1", port, 500)) {
            return "PONG".equals(client.call("PING"));
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    /** The executable {@code name} in one of the directories of {@code path}, or a failure that says {@code why}. */
    static Path findOnPath(String name, String path, String why) {
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(why);
    }

    /** {@link #findOnPath} on this process's PATH. */
    static Path findOnPath(String name, String why) {
        return findOnPath(name, System.getenv().getOrDefault("PATH", ""), why);
    }

    /** A port of 127.0.0.1 nothing listens on now (something may take it before it is used). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }
}
