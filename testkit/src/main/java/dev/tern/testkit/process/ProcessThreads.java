package dev.tern.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * The scheduler states of a process's threads, read from {@code /proc/<pid>/task/<tid>/stat}
 * (Linux): {@code kill -STOP} returns once the signal is sent, and the kernel stops the threads
 * only as each next runs, so on a loaded machine a "paused" process can still answer for a while.
 * A test that needs it frozen waits here until every thread shows {@code T}.
 *
 * <p>Threading: stateless; used by the test's thread.
 */
public final class ProcessThreads {

    private static final Duration POLL = Duration.ofMillis(5);

    private final long pid;

    public ProcessThreads(long pid) {
        this.pid = pid;
    }

    /**
     * Waits until every thread's state satisfies {@code wanted}; an AssertionError naming the others
     * after {@code timeout}, or at once if the process is gone.
     */
    public void await(IntPredicate wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Character> others = notYet(wanted);
        while (!others.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + ": not every thread " + what + " after " + timeout
                        + "; threads (id=state) still not: " + others);
            }
            Thread.sleep(POLL.toMillis());
            others = notYet(wanted);
        }
    }

    /** Thread id to state of the threads whose state {@code wanted} refuses; empty too when the process is gone. */
    private Map<String, Character> notYet(IntPredicate wanted) {
        Map<String, Character> others = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                Character state = state(task.resolve("stat"));
                if (state != null && !wanted.test(state)) {
                    others.put(task.getFileName().toString(), state);
                }
            });
        } catch (NoSuchFileException gone) {
            throw new AssertionError("process " + pid + " is gone", gone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return others;
    }

    /** The state field of one thread's stat line, after the command name in parentheses (which may hold anything); null if it just ended. */
    private static Character state(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (NoSuchFileException ended) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int name = line.lastIndexOf(')');
        return line.charAt(name + 2);
    }
}
