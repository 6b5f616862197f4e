package dev.tern.bootstrap;

/**
 * The three threads of a cluster node. Routing ({@code tern-cluster-routing}: route table calls,
 * snapshots, the retained reload, settling forwarded messages) and sessions
 * ({@code tern-cluster-sessions}: claims, handovers, releases, adoption, which may wait for another
 * node) are apart so that a slow handover never holds up routes; lease renewals
 * ({@code tern-cluster-lease}) have a thread of their own so that no backlog delays one past the lease.
 *
 * <p>Threading: immutable; each executor is single-threaded.
 */
record ClusterThreads(ScheduledTaskExecutor routing, ScheduledTaskExecutor sessions, ScheduledTaskExecutor lease) {

    static ClusterThreads start() {
        return new ClusterThreads(new ScheduledTaskExecutor("tern-cluster-routing"),
                new ScheduledTaskExecutor("tern-cluster-sessions"), new ScheduledTaskExecutor("tern-cluster-lease"));
    }
}
