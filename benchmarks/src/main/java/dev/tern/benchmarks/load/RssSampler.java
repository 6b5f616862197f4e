package dev.tern.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the broker's {@code VmRSS} every {@code periodMillis} on a thread of its own and keeps the
 * highest reading: the broker's memory while a phase runs, which {@code VmHWM} (the peak of the
 * process's whole life) cannot give once an earlier phase went higher.
 *
 * <p>Threading: started by the run's thread; its own daemon thread reads; {@link #max} and
 * {@link #close} may be called from any thread.
 */
final class RssSampler implements AutoCloseable {

    private final AtomicLong max = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(BrokerProbe probe, long periodMillis) {
        thread = new Thread(() -> {
            while (running) {
                max.accumulateAndGet(probe.rssKb(), Math::max);
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The highest VmRSS read so far, in kB, or -1 without a broker pid. */
    long max() {
        return max.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(1_000);
    }
}
