package dev.tern.adapters.websocket;

import dev.tern.application.port.out.TaskExecutor;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * An XNIO I/O thread seen as the engine's {@link TaskExecutor}. Two instances over the same thread
 * are equal, so the engine can tell whether two connections share a thread.
 *
 * <p>Threading: every method may be called from any thread. Once the worker shuts down, XNIO
 * rejects new tasks with {@link java.util.concurrent.RejectedExecutionException}.
 */
record IoThreadTaskExecutor(XnioIoThread thread) implements TaskExecutor {

    IoThreadTaskExecutor {
        Objects.requireNonNull(thread, "thread");
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public boolean inExecutorThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        XnioExecutor.Key key = thread.executeAfter(task, delayMillis, TimeUnit.MILLISECONDS);
        return key::remove;
    }
}
