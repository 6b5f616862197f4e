package dev.tern.benchmarks.load;

import java.util.List;

/**
 * The receivers' ledgers added up, read on each receiver's own event loop.
 *
 * <p>Threading: built and read by the run's main thread.
 */
record Tally(long unique, long duplicates, long lastArrivalNanos, LatencyHistogram latency, LatencyHistogram transit) {

    static Tally of(List<LoadClient> clients, List<Receiver> receivers) throws Exception {
        long unique = 0;
        long duplicates = 0;
        long last = 0;
        LatencyHistogram latency = new LatencyHistogram();
        LatencyHistogram transit = new LatencyHistogram();
        for (int i = 0; i < clients.size(); i++) {
            Receiver receiver = receivers.get(i);
            Tally one = Connector.onLoop(clients.get(i), () -> new Tally(receiver.unique(), receiver.duplicates(),
                    receiver.lastArrivalNanos(), copy(receiver.latency()), copy(receiver.transit())));
            unique += one.unique();
            duplicates += one.duplicates();
            last = Math.max(last, one.lastArrivalNanos());
            latency.add(one.latency());
            transit.add(one.transit());
        }
        return new Tally(unique, duplicates, last, latency, transit);
    }

    private static LatencyHistogram copy(LatencyHistogram source) {
        LatencyHistogram copy = new LatencyHistogram();
        copy.add(source);
        return copy;
    }
}
