package dev.tern.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches overload protection from outside while a flood runs, and counts what a {@link Bystander}
 * got done while it was on: liveness judged by progress, not by a wall-clock bound, which a busy
 * machine misses although nobody held the bystander back (and which a short enough pause passes).
 * It polls the broker's {@code /metrics} as fast as they answer, with a short rest: an episode is
 * a run of polls that found {@code tern_overload_active} at 1. Episodes last seconds (the store
 * must commit from one backlog mark down to the other), so two polls in a row that found it on saw
 * one episode, on throughout.
 *
 * <p>A round trip counts for an episode only if the bystander began it after the episode's first
 * poll and completed it before a later one: one already under way when the flooder was paused may
 * have got through before the bystander would have been paused too.
 *
 * <p>Threading: one thread of its own polls; {@link #close} stops it and waits for it, after which
 * {@link #assertBystanderServedAndOnlyFloodersPaused} reads what it saw on the test's thread.
 */
final class OverloadWatch implements AutoCloseable {

    private static final long REST_MILLIS = 20;

    /**
     * What one episode looked like from outside: how many polls found it on, and how many of the
     * bystander's round trips began and completed while it was.
     */
    record Episode(int polls, int roundTrips) {
        Episode {
            if (polls < 1 || roundTrips < 0) {
                throw new IllegalArgumentException("polls " + polls + ", round trips " + roundTrips);
            }
        }
    }

    private final HostileBroker broker;
    private final Bystander bystander;
    private final Thread thread;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean running = true;
    private int mostPaused;

    private OverloadWatch(HostileBroker broker, Bystander bystander) {
        this.broker = broker;
        this.bystander = bystander;
        this.thread = new Thread(this::run, "overload-watch");
        thread.setDaemon(true);
    }

    static OverloadWatch start(HostileBroker broker, Bystander bystander) {
        OverloadWatch watch = new OverloadWatch(broker, bystander);
        watch.thread.start();
        return watch;
    }

    private void run() {
        boolean on = false;
        int polls = 0;
        long begunBefore = 0;
        long completedBy = 0;
        while (running) {
            try {
                long completed = bystander.lastCompleted();
                List<String> scrape = broker.scrape();
                long begun = bystander.lastBegun();
                if (HostileBroker.sum(scrape, "tern_overload_active", "") == 1) {
                    mostPaused = Math.max(mostPaused,
                            (int) HostileBroker.sum(scrape, "tern_overload_paused_connections", ""));
                    if (!on) {
                        on = true;
                        polls = 0;
                        begunBefore = begun;
                        completedBy = begun;
                    } else {
                        completedBy = Math.max(begunBefore, completed);
                    }
                    polls++;
                } else if (on) {
                    on = false;
                    episodes.add(new Episode(polls, (int) (completedBy - begunBefore)));
                }
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                failures.add(e.toString());
            }
            try {
                Thread.sleep(REST_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
        }
        if (on) {
            episodes.add(new Episode(polls, (int) (completedBy - begunBefore)));
        }
    }

    /**
     * Overload protection engaged at least once; it never held more than {@code flooders}
     * connections at a time (so not the bystander, whose light publishing is to be spared); and
     * in every episode the bystander completed a round trip while the flood was held back.
     */
    void assertBystanderServedAndOnlyFloodersPaused(int flooders) {
        assertThat(failures).as("polls of /metrics that failed").isEmpty();
        assertThat(episodes).as("overload episodes seen").isNotEmpty();
        // The broker's own account of each episode, for whoever reads a failure.
        List<String> logged = broker.linesContaining("Overload");
        assertThat(mostPaused).as("most connections paused at once, in episodes %s; the broker logged %s",
                episodes, logged).isLessThanOrEqualTo(flooders);
        assertThat(episodes).as("the bystander's round trips completed during each episode; the broker logged %s",
                logged).allSatisfy(episode -> assertThat(episode.roundTrips()).isPositive());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(20_000);
    }
}
