package dev.tern.testkit.cluster;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;

/** The cluster contracts against the in-memory stand-in, on a clock the tests move. */
class InMemoryClusterContracts {

    /** A clock that stands still until moved. */
    static final class MovedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-07T00:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Nested
    class Leases extends NodeLeasesContract {
        private final MovedClock clock = new MovedClock();
        private InMemoryCluster cluster;

        @Override
        protected void startCluster() {
            cluster = new InMemoryCluster(clock);
        }

        @Override
        protected ClusterBackend join(String nodeId, Duration lease) {
            return cluster.join(new ClusterJoin(nodeId, lease));
        }

        @Override
        protected void letShortLeasesPass() {
            clock.move(SHORT_LEASE.plusMillis(1));
        }
    }

    @Nested
    class Ownership extends SessionOwnershipContract {
        private final MovedClock clock = new MovedClock();
        private InMemoryCluster cluster;

        @Override
        protected void startCluster() {
            cluster = new InMemoryCluster(clock);
        }

        @Override
        protected ClusterBackend join(String nodeId, Duration lease) {
            return cluster.join(new ClusterJoin(nodeId, lease));
        }

        @Override
        protected void letShortLeasesPass() {
            clock.move(SHORT_LEASE.plusMillis(1));
        }
    }
}
