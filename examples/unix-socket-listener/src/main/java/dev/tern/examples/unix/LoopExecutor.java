package dev.tern.examples.unix;

import dev.tern.application.port.out.TaskExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** A Netty event loop as the engine's {@link TaskExecutor}; equal over the same loop. */
record LoopExecutor(EventExecutor loop) implements TaskExecutor {

    LoopExecutor {
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
