package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    /** Records each settle command and leaves it in flight until the test completes it. */
    private static final class Commands {
        final List<List<Integer>> sent = new ArrayList<>();
        final List<CompletableFuture<List<Integer>>> replies = new ArrayList<>();

        synchronized CompletionStage<List<Integer>> send(List<Integer> ids) {
            sent.add(List.copyOf(ids));
            CompletableFuture<List<Integer>> reply = new CompletableFuture<>();
            replies.add(reply);
            return reply;
        }

        /** Completes command {@code index} with each item's negation as its reply. */
        void reply(int index) {
            replies.get(index).complete(sent.get(index).stream().map(id -> -id).toList());
        }
    }

    @Test
    void aLoneItemGoesOutAtOnce() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 8, 100);

        CompletableFuture<Integer> done = coalescer.submit(1);

        assertThat(commands.sent).containsExactly(List.of(1));
        assertThat(done).isNotDone();
        commands.reply(0);
        assertThat(done).isCompleted();
    }

    @Test
    void itemsAskedForWhileOneIsInFlightGoTogetherInTheNextCommandEachWithItsReply() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 8, 100);
        coalescer.submit(1);
        List<CompletableFuture<Integer>> waiting = List.of(coalescer.submit(2), coalescer.submit(3), coalescer.submit(4));

        assertThat(commands.sent).containsExactly(List.of(1));
        commands.reply(0);

        assertThat(commands.sent).containsExactly(List.of(1), List.of(2, 3, 4));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        commands.reply(1);
        assertThat(waiting).extracting(CompletableFuture::join).containsExactly(-2, -3, -4);
    }

    @Test
    void noCommandCarriesMoreThanTheLimitAndNoItemIsLeftBehindOrReordered() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 2, 100);
        coalescer.submit(0);
        for (int id = 1; id <= 5; id++) {
            coalescer.submit(id);
        }

        for (int i = 0; i < 4; i++) {
            commands.reply(i);
        }

        assertThat(commands.sent).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void aFailedCommandFailsItsItemsAndTheNextOneIsStillSent() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 8, 100);
        CompletableFuture<Integer> first = coalescer.submit(1);
        CompletableFuture<Integer> second = coalescer.submit(2);

        commands.replies.get(0).completeExceptionally(new IllegalStateException("Redis unreachable"));

        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasMessageContaining("unreachable");
        assertThat(commands.sent).containsExactly(List.of(1), List.of(2));
        commands.reply(1);
        assertThat(second).isCompleted();
    }

    @Test
    void aCommandThatCannotBeMadeFailsItsItemsAndLeavesTheCoalescerUsable() {
        List<List<Integer>> sent = new ArrayList<>();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(ids -> {
            if (ids.contains(1)) {
                throw new IllegalStateException("shut down");
            }
            sent.add(List.copyOf(ids));
            return CompletableFuture.completedFuture(List.copyOf(ids));
        }, 8, 100);

        assertThat(coalescer.submit(1)).isCompletedExceptionally();
        assertThat(coalescer.submit(2)).isCompleted();
        assertThat(sent).containsExactly(List.of(2));
    }

    @Test
    void beyondTheWaitingLimitAnItemFailsAtOnce() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 8, 2);
        coalescer.submit(1);
        coalescer.submit(2);
        coalescer.submit(3);

        assertThat(coalescer.submit(4)).isCompletedExceptionally();
        commands.reply(0);
        assertThat(commands.sent).containsExactly(List.of(1), List.of(2, 3));
    }

    @Test
    void aReplyOfTheWrongSizeFailsEveryItemInTheCommand() {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(ids -> CompletableFuture.completedFuture(List.of()), 8, 100);

        assertThat(coalescer.submit(1)).isCompletedExceptionally();
    }

    @Test
    void withRoomForMoreInFlightAnItemGoesAtOnceAndTheRestWaitForAFreeSlot() {
        Commands commands = new Commands();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(commands::send, 8, 100, 2);
        coalescer.submit(1);
        coalescer.submit(2);
        coalescer.submit(3);
        coalescer.submit(4);

        assertThat(commands.sent).containsExactly(List.of(1), List.of(2));
        commands.reply(1);
        assertThat(commands.sent).containsExactly(List.of(1), List.of(2), List.of(3, 4));
        commands.reply(0);
        commands.reply(2);
        assertThat(coalescer.submit(5)).isNotDone();
        assertThat(commands.sent).hasSize(4).last().isEqualTo(List.of(5));
    }
}
