package dev.tern.application.storage;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds back a publisher's PUBACK or PUBREC until every copy of its message that must survive a
 * crash is committed: one count per pending store write, plus one that the publisher releases once
 * routing is done, so that the acknowledgement cannot leave while copies are still being handed out.
 *
 * <p>Threading: thread-safe; counts go up on the publisher's thread and down on any thread. The
 * completion runs on the publisher's executor.
 */
public final class PendingAck {

    private final AtomicInteger pending = new AtomicInteger(1);
    private final Executor publisherExecutor;
    private final Completion completion;
    private volatile boolean failed;
    private final String forwardId;

    /** What the publisher does when the count reaches zero; {@code stored} is false if a write failed. */
    public interface Completion {
        void complete(boolean stored);
    }

    public PendingAck(Executor publisherExecutor, Completion completion) {
        this(publisherExecutor, completion, null);
    }

    /**
     * An ack for the copies of a message another cluster node forwarded here: each copy stored for
     * a persistent session is stored with a receipt of {@code forwardId}, in the same write
     * ({@link dev.tern.application.port.out.InflightStore#saveForwardReceipt}).
     */
    public PendingAck(Executor publisherExecutor, Completion completion, String forwardId) {
        this.publisherExecutor = publisherExecutor;
        this.completion = completion;
        this.forwardId = forwardId;
    }

    /** The cluster-wide id of the forwarded message whose copies this ack counts, or null for any other message. */
    public String forwardId() {
        return forwardId;
    }

    /** One more write to wait for; call before handing the write to another thread. */
    public void expect() {
        pending.incrementAndGet();
    }

    /** A write this ack waited for is durable, or was not needed after all. */
    public void done() {
        if (pending.decrementAndGet() == 0) {
            boolean stored = !failed;
            publisherExecutor.execute(() -> completion.complete(stored));
        }
    }

    /** A write this ack waited for failed: the message is not safe, the publisher must not be told it is. */
    public void failed() {
        failed = true;
        done();
    }

    /** The publisher's own count: routing is over. */
    public void release() {
        done();
    }
}
