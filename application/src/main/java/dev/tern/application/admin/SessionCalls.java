package dev.tern.application.admin;

import dev.tern.application.session.ClientSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a function inside a session's executor, where its state may be read and changed, and waits
 * for the answer on the calling admin thread. The session may have ended before its turn came:
 * then the answer is empty, as for a session that never was.
 *
 * <p>Threading: call from an admin worker thread, never from a session's own executor (it would
 * wait for itself until the timeout).
 */
final class SessionCalls {

    private static final long TIMEOUT_SECONDS = 5;

    private SessionCalls() {
    }

    static <T> Optional<T> call(ClientSession session, Function<ClientSession, T> work) {
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        session.executor().execute(() -> {
            try {
                answer.complete(session.isEnded() ? Optional.empty() : Optional.ofNullable(work.apply(session)));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for session " + session.clientId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("session task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("session " + session.clientId() + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        }
    }
}
