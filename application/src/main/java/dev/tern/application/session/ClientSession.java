package dev.tern.application.session;

import dev.tern.application.port.out.TaskExecutor.Cancellable;
import dev.tern.domain.session.Session;
import dev.tern.domain.will.Will;
import java.util.Collection;
import java.util.Set;

/**
 * A session as the running broker holds it: the domain state, the serial executor that confines
 * it, the connection it is attached to, and the timers that run while it is offline (session
 * expiry, will delay).
 *
 * <p>Threading: {@link #executor()}, {@link #clientId()}, {@link #isOnline()}, {@link
 * #tookForward} and {@link #lastAttachment()} may be used from any thread; every other method
 * only from within a task of {@link #executor()}.
 */
public final class ClientSession {

    private final Session state;
    private final SerialExecutor executor;
    private PacketSink connection;
    private volatile boolean online;
    private boolean ended;
    private boolean everAttached;
    private long generation;
    private Will pendingWill;
    private Cancellable willTimer;
    private Cancellable expiryTimer;
    private Cancellable rateDrainTimer;
    private volatile Attachment lastAttachment;
    /** Cluster only: the forwarded messages it had taken when it was loaded from the store; empty otherwise. */
    private volatile Set<String> forwardReceipts = Set.of();

    /**
     * Who attached last and from where, kept after they leave, for administrators.
     *
     * @param username null for an anonymous client
     */
    public record Attachment(String username, String address, int protocolLevel, long atMillis) {
    }

    public ClientSession(Session state, SerialExecutor executor) {
        this.state = state;
        this.executor = executor;
    }

    public String clientId() {
        return state.clientId();
    }

    public SerialExecutor executor() {
        return executor;
    }

    public Session state() {
        return state;
    }

    /** The attached connection, or null while the client is offline. */
    public PacketSink connection() {
        return connection;
    }

    /** A hint for routing decisions on other threads; exact only inside the session's tasks. */
    public boolean isOnline() {
        return online;
    }

    /** Attaches a connection, starting a new generation: timers of the last offline period are void. */
    public void attach(PacketSink newConnection) {
        connection = newConnection;
        online = true;
        everAttached = true;
        generation++;
        cancelTimers();
    }

    /** Records the connection now attached; a volatile write, read by administrators on other threads. */
    public void recordAttachment(Attachment attachment) {
        lastAttachment = attachment;
    }

    /** The last connection attached, or null for a restored session no client has attached since. */
    public Attachment lastAttachment() {
        return lastAttachment;
    }

    /**
     * Cluster only, before the session is registered: the forward receipts the store held for it
     * (the forwarded messages of which it took a copy), so that a copy handed out again after a
     * crash (its node's inbox re-read or drained) is not taken twice.
     */
    public void restoreForwardReceipts(Collection<String> forwardIds) {
        forwardReceipts = forwardIds.isEmpty() ? Set.of() : Set.copyOf(forwardIds);
    }

    /** Whether the session held a copy of the forwarded message {@code forwardId} when it was loaded. Any thread. */
    public boolean tookForward(String forwardId) {
        Set<String> receipts = forwardReceipts;
        return !receipts.isEmpty() && receipts.contains(forwardId);
    }

    /** A session loaded from the store at start-up is resumable like one whose client left. */
    public void markRestored() {
        everAttached = true;
    }

    /** False for a session created by the connect now attaching: there is nothing to resume. */
    public boolean hasBeenAttached() {
        return everAttached;
    }

    /** Detaches {@code expected} if it is still the attached connection; false otherwise. */
    public boolean detach(PacketSink expected) {
        if (connection != expected) {
            return false;
        }
        connection = null;
        online = false;
        return true;
    }

    /** Counts attachments, so that a timer armed while offline can tell it is stale. */
    public long generation() {
        return generation;
    }

    /** True once the session is over; a connect that finds it ended must create a new one. */
    public boolean isEnded() {
        return ended;
    }

    public void end() {
        ended = true;
        connection = null;
        online = false;
        cancelTimers();
    }

    /** A will waiting for its Will Delay Interval to pass (MQTT 5), with its timer. */
    public void setPendingWill(Will will, Cancellable timer) {
        pendingWill = will;
        willTimer = timer;
    }

    /** The will waiting for its delay, or null. */
    public Will pendingWill() {
        return pendingWill;
    }

    /** Takes the pending will away, returning it or null. */
    public Will takePendingWill() {
        Will taken = pendingWill;
        pendingWill = null;
        if (willTimer != null) {
            willTimer.cancel();
            willTimer = null;
        }
        return taken;
    }

    public void setExpiryTimer(Cancellable timer) {
        expiryTimer = timer;
    }

    /** Whether a drain is already scheduled for when the delivery rate allows the next message. */
    public boolean rateDrainPending() {
        return rateDrainTimer != null;
    }

    /** The timer of the drain that waits for the delivery rate, or null once it ran. */
    public void setRateDrainTimer(Cancellable timer) {
        rateDrainTimer = timer;
    }

    private void cancelTimers() {
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
        if (willTimer != null) {
            willTimer.cancel();
            willTimer = null;
        }
        if (rateDrainTimer != null) {
            rateDrainTimer.cancel();
            rateDrainTimer = null;
        }
    }
}
