package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SerialExecutor;
import dev.tern.application.testing.TestLoop;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.Session;
import dev.tern.domain.session.SessionExpiry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The deliveries of one message to the sessions of another loop: one task there, each session's order kept. */
class LoopHandOffTest {

    private final TestLoop other = new TestLoop("other");
    private final List<String> delivered = new ArrayList<>();
    private final LoopHandOff.Deliverer deliverer = (session, delivery, ack) ->
            delivered.add(session.clientId() + " got " + delivery.message().topic().value()
                    + " on " + loopName(session.executor().owner()));

    private static String loopName(TaskExecutor owner) {
        if (owner instanceof TestLoop.View view) {
            return view.loop().name;
        }
        return owner instanceof TestLoop loop ? loop.name : "elsewhere";
    }

    private static ClientSession session(String id, TaskExecutor loop) {
        return new ClientSession(new Session(id, SessionExpiry.AT_DISCONNECT, 10, 10, OverflowPolicy.DROP_OLDEST),
                new SerialExecutor(loop));
    }

    private static Delivery delivery(String topic) {
        return Delivery.of(ApplicationMessage.of(topic, new byte[] {1}, Qos.AT_MOST_ONCE, false));
    }

    @Test
    void carriesEverySessionsDeliveryToTheLoopInOneTask() {
        LoopHandOffs handOffs = new LoopHandOffs(deliverer, 3);
        for (String id : List.of("a", "b", "c")) {
            // Each connection has its own executor object for the loop, equal to the others.
            ClientSession s = session(id, new TestLoop.View(other));
            assertThat(s.executor().tryClaim()).isTrue();
            handOffs.add(s.executor().owner(), s, delivery("t"), null);
        }

        handOffs.send();

        assertThat(other.pending()).isEqualTo(1);
        other.runPending();
        assertThat(delivered).containsExactly("a got t on other", "b got t on other", "c got t on other");
    }

    @Test
    void letsNothingTheSessionIsGivenMeanwhileOvertakeTheCarriedDelivery() {
        ClientSession s = session("a", other);
        assertThat(s.executor().tryClaim()).isTrue();
        LoopHandOffs handOffs = new LoopHandOffs(deliverer, 2);
        handOffs.add(other, s, delivery("first"), null);
        s.executor().execute(() -> deliverer.deliver(s, delivery("second"), null));

        handOffs.send();
        other.runPending();

        assertThat(delivered).containsExactly("a got first on other", "a got second on other");
    }

    @Test
    void deliversOnTheSessionsNewLoopWhenItMovedWhileTheHandOffWaited() {
        TestLoop newLoop = new TestLoop("new");
        ClientSession s = session("a", other);
        assertThat(s.executor().tryClaim()).isTrue();
        LoopHandOffs handOffs = new LoopHandOffs(deliverer, 2);
        handOffs.add(other, s, delivery("first"), null);
        s.executor().retarget(newLoop);
        s.executor().execute(() -> deliverer.deliver(s, delivery("second"), null));

        handOffs.send();
        other.runPending();
        newLoop.runPending();

        assertThat(delivered).containsExactly("a got first on new", "a got second on new");
    }

    @Test
    void sendsTheOtherLoopsTheirDeliveriesWhenOneLoopRefuses() {
        TaskExecutor stopped = new TaskExecutor() {
            @Override
            public void execute(Runnable task) {
                throw new RejectedExecutionException("shutting down");
            }

            @Override
            public boolean inExecutorThread() {
                return false;
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                throw new RejectedExecutionException("shutting down");
            }
        };
        ClientSession gone = session("gone", stopped);
        ClientSession alive = session("alive", other);
        assertThat(gone.executor().tryClaim()).isTrue();
        assertThat(alive.executor().tryClaim()).isTrue();
        LoopHandOffs handOffs = new LoopHandOffs(deliverer, 2);
        handOffs.add(stopped, gone, delivery("t"), null);
        handOffs.add(other, alive, delivery("t"), null);

        assertThatThrownBy(handOffs::send).isInstanceOf(RejectedExecutionException.class);
        other.runPending();

        assertThat(delivered).containsExactly("alive got t on other");
    }
}
