package dev.tern.application.session;

import dev.tern.application.port.out.TaskExecutor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's tasks one at a time, in submission order, on the executor that currently
 * owns the session: its connection's event loop while it is connected. The owner can change (a
 * takeover moves the session to the new connection's loop); tasks submitted after {@link
 * #retarget} run on the new owner, even if a drain was under way on the old one.
 *
 * <p>Threading: every method may be called from any thread. Tasks never run concurrently.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    /** Tasks run per turn on a shared event loop before it yields to other connections. */
    private static final int BATCH = 64;

    /** Claims {@link #running}: a field of this object rather than an {@code AtomicBoolean}, one object fewer per session. */
    private static final VarHandle RUNNING;

    static {
        try {
            RUNNING = MethodHandles.lookup().findVarHandle(SerialExecutor.class, "running", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** A drain is scheduled or under way, or a claim is held: set by a compare-and-set through {@link #RUNNING}. */
    private volatile boolean running;
    private final Runnable drain = this::drain;
    private volatile TaskExecutor owner;

    public SerialExecutor(TaskExecutor owner) {
        this.owner = owner;
    }

    public TaskExecutor owner() {
        return owner;
    }

    /** Moves the session to another thread; later tasks run there. */
    public void retarget(TaskExecutor newOwner) {
        owner = newOwner;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        scheduleDrain();
    }

    /**
     * Runs {@code task} at once when called on the owner's thread with nothing queued ahead of it,
     * which is the common case for a connection's own packets: no hop, no queue. Otherwise queues it.
     */
    public void runOrExecute(Runnable task) {
        if (owner.inExecutorThread() && tryClaim()) {
            try {
                runSafely(task);
            } finally {
                releaseClaim();
            }
        } else {
            execute(task);
        }
    }

    /**
     * Claims this executor for one task the caller will run on the owner's thread, then {@link
     * #releaseClaim} there (or hand to {@link #runClaimed}): succeeds only with nothing queued and
     * nothing running. Until the claim is released every task submitted queues behind it, so a
     * task carried to the owner some other way (several sessions' deliveries in one task for their
     * loop) keeps its place in the session's order.
     */
    public boolean tryClaim() {
        return tasks.isEmpty() && RUNNING.compareAndSet(this, false, true);
    }

    /** Ends a claim, on the owner's thread, after its task ran: what queued meanwhile is drained. */
    public void releaseClaim() {
        running = false;
        if (!tasks.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Runs the task of a claim on the owner, wherever the session is now, and releases the claim there. */
    public void runClaimed(Runnable task) {
        owner.execute(() -> {
            try {
                runSafely(task);
            } finally {
                releaseClaim();
            }
        });
    }

    private void scheduleDrain() {
        if (RUNNING.compareAndSet(this, false, true)) {
            owner.execute(drain);
        }
    }

    private void drain() {
        TaskExecutor ranOn = owner;
        try {
            for (int i = 0; i < BATCH && owner == ranOn; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                runSafely(task);
            }
        } finally {
            running = false;
            if (!tasks.isEmpty()) {
                scheduleDrain();
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A bug in one task must not stop the session's later tasks from running.
            LOG.error("session task failed", e);
        }
    }
}
