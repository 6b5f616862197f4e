package dev.tern.adapters.tcp;

import dev.tern.application.port.out.TaskExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Netty event loop seen as the engine's {@link TaskExecutor}. Two instances over the same loop
 * are equal, so the engine can tell whether two connections share a thread.
 *
 * <p>Threading: every method may be called from any thread. Once the loop shuts down, {@link
 * #execute} and {@link #schedule} reject tasks with {@link
 * java.util.concurrent.RejectedExecutionException}, as any stopped executor does.
 */
record EventLoopTaskExecutor(EventExecutor loop) implements TaskExecutor {

    EventLoopTaskExecutor {
        Objects.requireNonNull(loop, "loop");
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public boolean inExecutorThread() {
        return loop.inEventLoop();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
