package dev.tern.application.protocol.limit;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One connection's inbound rate limit: a bucket of PUBLISH packets and one of payload bytes (either
 * may be absent). In {@link OverLimit#PAUSE} mode every PUBLISH is charged, into debt if need be,
 * and a bucket in debt pauses reading until the time it is out of debt again; in {@link
 * OverLimit#REFUSE} mode a PUBLISH the buckets cannot pay for is refused, and costs nothing.
 *
 * <p>Threading: confined to the connection's thread; the resume timer runs there too, so the
 * buckets need no lock. Charging allocates nothing; a pause schedules one timer.
 */
public final class InboundRateLimiter {

    private final TokenBucket messages;
    private final TokenBucket bytes;
    private final OverLimit overLimit;
    private final ReadGate gate;
    private final TaskExecutor executor;
    private final LongSupplier nanoClock;
    private final RateLimitMeters meters;
    private final Runnable resume = this::resume;
    private Cancellable resumeTimer;
    private boolean stopped;

    InboundRateLimiter(RateLimit limit, OverLimit overLimit, ReadGate gate, TaskExecutor executor,
            LongSupplier nanoClock, RateLimitMeters meters) {
        long now = nanoClock.getAsLong();
        this.messages = limit.messagesPerSecond() > 0
                ? new TokenBucket(limit.messagesPerSecond(), limit.messagesPerSecond(), now) : null;
        this.bytes = limit.bytesPerSecond() > 0 ? new TokenBucket(limit.bytesPerSecond(), limit.bytesPerSecond(), now) : null;
        this.overLimit = overLimit;
        this.gate = gate;
        this.executor = executor;
        this.nanoClock = nanoClock;
        this.meters = meters;
    }

    /**
     * A PUBLISH with {@code payloadBytes} arrived: whether to accept it. Pause mode always accepts
     * (and pauses reading when the client is over its rate); refuse mode accepts only what the
     * buckets hold tokens for. The caller refuses what is not accepted.
     */
    public boolean admit(int payloadBytes) {
        long now = nanoClock.getAsLong();
        if (overLimit == OverLimit.REFUSE) {
            return tryTake(payloadBytes, now);
        }
        long waitNanos = debtNanos(1, payloadBytes, now);
        if (waitNanos > 0 && resumeTimer == null && !stopped) {
            meters.paused();
            gate.overRate(true);
            schedule(waitNanos);
        }
        return true;
    }

    /** Both buckets must pay, or neither does: a refused PUBLISH costs nothing. */
    private boolean tryTake(int payloadBytes, long now) {
        if ((messages != null && !messages.holds(1, now)) || (bytes != null && !bytes.holds(payloadBytes, now))) {
            return false;
        }
        debtNanos(1, payloadBytes, now);
        return true;
    }

    /** Charges both buckets; the longer of their debts, in nanoseconds. */
    private long debtNanos(long messageCount, long byteCount, long now) {
        long wait = messages == null ? 0 : messages.take(messageCount, now);
        return bytes == null ? wait : Math.max(wait, bytes.take(byteCount, now));
    }

    private void schedule(long waitNanos) {
        resumeTimer = executor.schedule(resume, Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1));
    }

    /** The debt should be repaid; packets read after the pause may have added to it, then wait longer. */
    private void resume() {
        resumeTimer = null;
        if (stopped) {
            return;
        }
        long waitNanos = debtNanos(0, 0, nanoClock.getAsLong());
        if (waitNanos > 0) {
            schedule(waitNanos);
        } else {
            gate.overRate(false);
        }
    }

    /** The connection is closing: no more timers. */
    public void stop() {
        stopped = true;
        if (resumeTimer != null) {
            resumeTimer.cancel();
            resumeTimer = null;
        }
    }
}
