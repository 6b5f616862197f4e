package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InboxSettlerTest {

    /** Records each settle command and leaves it in flight until the test completes it. */
    private static final class Commands {
        final List<List<Integer>> sent = new ArrayList<>();
        final List<CompletableFuture<Object>> replies = new ArrayList<>();

        synchronized CompletionStage<?> send(List<Integer> ids) {
            sent.add(List.copyOf(ids));
            CompletableFuture<Object> reply = new CompletableFuture<>();
            replies.add(reply);
            return reply;
        }
    }

    @Test
    void aLoneSettleGoesOutAtOnce() {
        Commands commands = new Commands();
        InboxSettler<Integer> settler = new InboxSettler<>(commands::send, 8);

        CompletableFuture<Void> done = settler.settle(1);

        assertThat(commands.sent).containsExactly(List.of(1));
        assertThat(done).isNotDone();
        commands.replies.get(0).complete(1L);
        assertThat(done).isCompleted();
    }

    @Test
    void settlesAskedForWhileOneIsInFlightGoTogetherInTheNextCommand() {
        Commands commands = new Commands();
        InboxSettler<Integer> settler = new InboxSettler<>(commands::send, 8);
        settler.settle(1);
        List<CompletableFuture<Void>> waiting = List.of(settler.settle(2), settler.settle(3), settler.settle(4));

        assertThat(commands.sent).containsExactly(List.of(1));
        commands.replies.get(0).complete(1L);

        assertThat(commands.sent).containsExactly(List.of(1), List.of(2, 3, 4));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        commands.replies.get(1).complete(3L);
        assertThat(waiting).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
    }

    @Test
    void noCommandCarriesMoreThanTheLimitAndNoIdIsLeftBehind() {
        Commands commands = new Commands();
        InboxSettler<Integer> settler = new InboxSettler<>(commands::send, 2);
        settler.settle(0);
        for (int id = 1; id <= 5; id++) {
            settler.settle(id);
        }

        for (int i = 0; i < 4; i++) {
            commands.replies.get(i).complete(1L);
        }

        assertThat(commands.sent).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void aFailedCommandFailsItsSettlesAndTheNextOneIsStillSent() {
        Commands commands = new Commands();
        InboxSettler<Integer> settler = new InboxSettler<>(commands::send, 8);
        CompletableFuture<Void> first = settler.settle(1);
        CompletableFuture<Void> second = settler.settle(2);

        commands.replies.get(0).completeExceptionally(new IllegalStateException("Redis unreachable"));

        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasMessageContaining("unreachable");
        assertThat(commands.sent).containsExactly(List.of(1), List.of(2));
        commands.replies.get(1).complete(1L);
        assertThat(second).isCompleted();
    }

    @Test
    void aCommandThatCannotBeMadeFailsItsSettlesAndLeavesTheSettlerUsable() {
        List<List<Integer>> sent = new ArrayList<>();
        InboxSettler<Integer> settler = new InboxSettler<>(ids -> {
            if (ids.contains(1)) {
                throw new IllegalStateException("shut down");
            }
            sent.add(List.copyOf(ids));
            return CompletableFuture.completedFuture(1L);
        }, 8);

        assertThat(settler.settle(1)).isCompletedExceptionally();
        assertThat(settler.settle(2)).isCompleted();
        assertThat(sent).containsExactly(List.of(2));
    }
}
