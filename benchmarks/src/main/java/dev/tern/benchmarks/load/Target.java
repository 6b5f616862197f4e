package dev.tern.benchmarks.load;

import java.util.function.DoublePredicate;

/**
 * A goal for one figure of one broker, either relative (the ratio of its median to Mosquitto's)
 * or absolute (its median alone).
 *
 * <p>Threading: immutable.
 */
record Target(String broker, String condition, boolean relative, DoublePredicate holds) {

    static Target ratioAtLeast(double bound) {
        return new Target(Brokers.DEFAULT, ">= " + ResultsTable.format(bound, 1) + "x", true, ratio -> ratio >= bound);
    }

    static Target ratioAtMost(double bound) {
        return new Target(Brokers.DEFAULT, "<= " + ResultsTable.format(bound, 1) + "x", true, ratio -> ratio <= bound);
    }

    static Target atLeast(String broker, double bound, String unit) {
        return new Target(broker, ">= " + ResultsTable.format(bound, 0) + " " + unit, false, value -> value >= bound);
    }

    static Target atMost(String broker, double bound, String unit) {
        return new Target(broker, "<= " + ResultsTable.format(bound, 0) + " " + unit, false, value -> value <= bound);
    }

    /** The condition, naming the broker when it is not the default one, which readers assume. */
    String text() {
        return broker.equals(Brokers.DEFAULT) ? condition : broker + " " + condition;
    }

    /** "yes", "**no**", or empty when the runs needed to judge are missing. */
    String verdict(Figures judged, Figures reference) {
        if (judged.isEmpty() || relative && reference.isEmpty()) {
            return "";
        }
        double value = relative ? judged.median() / reference.median() : judged.median();
        return holds.test(value) ? "yes" : "**no**";
    }
}
