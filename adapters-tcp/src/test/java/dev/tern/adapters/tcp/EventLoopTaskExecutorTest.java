package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.TaskExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopTaskExecutorTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final TaskExecutor executor = new EventLoopTaskExecutor(group.next());

    @AfterEach
    void shutDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void runsTasksOnTheEventLoopInSubmissionOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> ranOnLoop = new CompletableFuture<>();

        for (int i = 0; i < 100; i++) {
            int n = i;
            executor.execute(() -> order.add(n));
        }
        executor.execute(() -> ranOnLoop.complete(executor.inExecutorThread()));

        assertThat(ranOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).hasSize(100).isSorted();
        assertThat(executor.inExecutorThread()).isFalse();
    }

    @Test
    void runsAScheduledTaskAfterItsDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();

        executor.schedule(ran::countDown, 50);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(45);
    }

    @Test
    void doesNotRunACancelledTask() throws Exception {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        CountDownLatch later = new CountDownLatch(1);

        TaskExecutor.Cancellable cancellable = executor.schedule(() -> cancelledRan.set(true), 50);
        cancellable.cancel();
        executor.schedule(later::countDown, 150);

        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRan).isFalse();
    }

    @Test
    void isEqualToAnotherExecutorOverTheSameLoop() {
        assertThat(new EventLoopTaskExecutor(group.next())).isEqualTo(executor);
    }
}
