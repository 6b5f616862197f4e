package dev.tern.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting for a real child process's threads to be stopped by SIGSTOP and to run again after SIGCONT. */
class ProcessThreadsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Process sleeper = start("sleep", "60");

    @AfterEach
    void killSleeper() throws InterruptedException {
        sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void returnsOnceEveryThreadIsStoppedAndAgainOnceItRuns() throws Exception {
        ProcessThreads threads = new ProcessThreads(sleeper.pid());

        signal("-STOP");
        threads.await(state -> state == 'T', "stopped", TIMEOUT);
        signal("-CONT");
        threads.await(state -> state != 'T', "continued", TIMEOUT);

        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void namesTheThreadsNotYetInTheWantedStateWhenTimeIsUp() {
        ProcessThreads threads = new ProcessThreads(sleeper.pid());

        assertThatThrownBy(() -> threads.await(state -> state == 'T', "stopped", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("process " + sleeper.pid() + ": not every thread stopped")
                .hasMessageContaining(sleeper.pid() + "=S");
    }

    @Test
    void failsAtOnceForAProcessThatIsGone() throws Exception {
        ProcessThreads threads = new ProcessThreads(sleeper.pid());
        sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> threads.await(state -> true, "anything", TIMEOUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is gone");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", signal, Long.toString(sleeper.pid())).start().waitFor()).isZero();
    }

    private static Process start(String... command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + String.join(" ", command), e);
        }
    }
}
