package dev.tern.benchmarks.load;

import java.util.function.DoublePredicate;

/**
 * A goal for one figure of one broker, either relative (the ratio of its median to the median of
 * the broker {@code against}: Mosquitto, or the zero-work relay) or absolute (its median alone,
 * {@code against} null).
 *
 * <p>Threading: immutable.
 */
record Target(String broker, String condition, String against, DoublePredicate holds) {

    static Target ratioAtLeast(double bound) {
        return new Target(Brokers.DEFAULT, ">= " + ResultsTable.format(bound, 1) + "x", Brokers.REFERENCE,
                ratio -> ratio >= bound);
    }

    static Target ratioAtMost(double bound) {
        return new Target(Brokers.DEFAULT, "<= " + ResultsTable.format(bound, 1) + "x", Brokers.REFERENCE,
                ratio -> ratio <= bound);
    }

    /** The default broker's median at least {@code percent} % of the relay's, the scenario's ceiling here. */
    static Target shareOfRelayAtLeast(int percent) {
        return new Target(Brokers.DEFAULT, ">= " + percent + "% of relay", Brokers.RELAY,
                share -> share * 100 >= percent);
    }

    static Target atLeast(String broker, double bound, String unit) {
        return new Target(broker, ">= " + ResultsTable.format(bound, 0) + " " + unit, null, value -> value >= bound);
    }

    static Target atMost(String broker, double bound, String unit) {
        return new Target(broker, "<= " + ResultsTable.format(bound, 0) + " " + unit, null, value -> value <= bound);
    }

    boolean relative() {
        return against != null;
    }

    /** The condition, naming the broker when it is not the default one, which readers assume. */
    String text() {
        return broker.equals(Brokers.DEFAULT) ? condition : broker + " " + condition;
    }

    /** "yes", "**no**", or empty when the runs needed to judge are missing. */
    String verdict(Figures judged, Figures reference) {
        if (judged.isEmpty() || relative() && reference.isEmpty()) {
            return "";
        }
        double value = relative() ? judged.median() / reference.median() : judged.median();
        return holds.test(value) ? "yes" : "**no**";
    }
}
