package dev.tern.testkit.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records what a {@link ForwardReceiver} is handed. Messages are kept with their {@code settled}
 * callbacks, unsettled, unless the receiver was made {@link #settling()}, which settles each at once.
 *
 * <p>Threading: callbacks from any thread; the accessors on the test thread.
 */
public final class RecordingReceiver implements ForwardReceiver {

    /** A message handed over, and how to settle it. */
    public record Received(ForwardedMessage message, Runnable settled) {
        public String id() {
            return message.id();
        }

        public void settle() {
            settled.run();
        }
    }

    private final boolean settleAtOnce;
    private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<ApplicationMessage> retained = new LinkedBlockingQueue<>();
    private final BlockingQueue<ClusterSignal> signals = new LinkedBlockingQueue<>();
    private final CountDownLatch resynced = new CountDownLatch(1);

    private RecordingReceiver(boolean settleAtOnce) {
        this.settleAtOnce = settleAtOnce;
    }

    /** Keeps messages unsettled until the test settles them. */
    public static RecordingReceiver holding() {
        return new RecordingReceiver(false);
    }

    /** Settles every message as it arrives. */
    public static RecordingReceiver settling() {
        return new RecordingReceiver(true);
    }

    @Override
    public void message(ForwardedMessage message, Runnable settled) {
        if (settleAtOnce) {
            settled.run();
        }
        messages.add(new Received(message, settled));
    }

    @Override
    public void retained(ApplicationMessage message) {
        retained.add(message);
    }

    @Override
    public void signal(ClusterSignal signal) {
        signals.add(signal);
    }

    @Override
    public void resync() {
        resynced.countDown();
    }

    public Received nextMessage() {
        return Awaited.next(messages, "forwarded message");
    }

    public ApplicationMessage nextRetained() {
        return Awaited.next(retained, "retained change");
    }

    public ClusterSignal nextSignal() {
        return Awaited.next(signals, "signal");
    }

    /** Whether {@code resync()} was heard, waiting a bounded time. */
    public boolean awaitResync() {
        try {
            return resynced.await(Awaited.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
