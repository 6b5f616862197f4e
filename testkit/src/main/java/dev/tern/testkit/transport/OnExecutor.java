package dev.tern.testkit.transport;

import dev.tern.application.port.out.ClientChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Acting as the engine: channel calls run on the channel's own executor, as the port requires. */
public final class OnExecutor {

    private OnExecutor() {
    }

    /** Runs {@code action} on the channel's executor and waits up to ten seconds for it, rethrowing its failure. */
    public static void run(ClientChannel channel, Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.executor().execute(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        done.orTimeout(10, TimeUnit.SECONDS).join();
    }
}
