package dev.tern.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.testing.TestLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claim reserves the session's next place for a task carried to its loop some other way. */
class SerialExecutorClaimTest {

    private final TestLoop loop = new TestLoop("loop");
    private final SerialExecutor executor = new SerialExecutor(loop);
    private final List<String> ran = new ArrayList<>();

    @Test
    void holdsEveryTaskSubmittedWhileClaimedBehindTheClaimedOneUntilItIsReleased() {
        assertThat(executor.tryClaim()).isTrue();

        executor.execute(() -> ran.add("submitted later"));
        loop.runPending();
        assertThat(ran).isEmpty();

        loop.onThisLoop = true;
        ran.add("claimed");
        executor.releaseClaim();
        loop.runPending();
        assertThat(ran).containsExactly("claimed", "submitted later");
    }

    @Test
    void cannotBeClaimedWithATaskQueuedOrRunningOrAnotherClaimHeld() {
        executor.execute(() -> ran.add("queued"));
        assertThat(executor.tryClaim()).isFalse();
        loop.runPending();

        assertThat(executor.tryClaim()).isTrue();
        assertThat(executor.tryClaim()).isFalse();
    }

    @Test
    void runsOnTheOwnerOfTheMomentWhenTheSessionMovedWhileTheClaimWaitedStillAheadOfLaterTasks() {
        TestLoop newLoop = new TestLoop("new");
        assertThat(executor.tryClaim()).isTrue();
        executor.retarget(newLoop);
        executor.execute(() -> ran.add("after the move"));

        executor.runClaimed(() -> ran.add("claimed on " + (newLoop.onThisLoop ? "new loop" : "elsewhere")));
        loop.runPending();
        newLoop.runPending();

        assertThat(ran).containsExactly("claimed on new loop", "after the move");
        assertThat(executor.tryClaim()).isTrue();
    }

    @Test
    void runsATaskAtOnceOnTheOwnersThreadWithNothingQueuedAndQueuesItOtherwise() {
        loop.onThisLoop = true;
        executor.runOrExecute(() -> ran.add("inline"));
        assertThat(ran).containsExactly("inline");

        loop.onThisLoop = false;
        executor.runOrExecute(() -> ran.add("from another thread"));
        assertThat(ran).containsExactly("inline");
        loop.runPending();
        assertThat(ran).containsExactly("inline", "from another thread");
    }
}
