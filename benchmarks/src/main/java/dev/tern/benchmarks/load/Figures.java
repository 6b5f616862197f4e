package dev.tern.benchmarks.load;

import java.util.List;

/**
 * The values of one field over the repetitions of one broker in one scenario and protocol: median
 * and range.
 *
 * <p>Threading: immutable.
 */
record Figures(double[] sorted) {

    static Figures of(List<ResultLine> runs, String broker, RunGroup group, String field) {
        double[] values = select(runs, broker, group).stream()
                .mapToDouble(run -> run.number(field))
                .filter(value -> !Double.isNaN(value))
                .sorted()
                .toArray();
        return new Figures(values);
    }

    /**
     * "max lost / max duplicates / max refused" over the repetitions, or "-" without runs; a
     * scenario that can tell (sub-table, retained-many) adds any delivery of a message nobody was
     * owed. A line without a refused field predates reading reason codes: it counts as 0.
     */
    static String losses(List<ResultLine> runs, String broker, RunGroup group) {
        List<ResultLine> selected = select(runs, broker, group);
        if (selected.isEmpty()) {
            return "-";
        }
        double lost = selected.stream().mapToDouble(run -> run.number("lost")).max().orElse(Double.NaN);
        double duplicates = selected.stream().mapToDouble(run -> run.number("duplicates")).max().orElse(Double.NaN);
        double refused = max(selected, "refused");
        double misdelivered = max(selected, "misdelivered");
        return ResultsTable.format(lost, 0) + "/" + ResultsTable.format(duplicates, 0) + "/"
                + ResultsTable.format(Double.isNaN(refused) ? 0 : refused, 0)
                + (misdelivered > 0 ? " +" + ResultsTable.format(misdelivered, 0) + " misdelivered" : "");
    }

    /** The highest value of a field over the runs that carry it, or NaN if none does. */
    private static double max(List<ResultLine> runs, String field) {
        return runs.stream().mapToDouble(run -> run.number(field)).filter(value -> !Double.isNaN(value))
                .max().orElse(Double.NaN);
    }

    private static List<ResultLine> select(List<ResultLine> runs, String broker, RunGroup group) {
        return runs.stream()
                .filter(run -> broker.equals(run.text("broker")) && group.contains(run))
                .toList();
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    double median() {
        if (isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "n/a";
        }
        String median = ResultsTable.format(median(), 2);
        return sorted.length == 1 ? median
                : median + " (" + ResultsTable.format(sorted[0], 2) + "–" + ResultsTable.format(sorted[sorted.length - 1], 2) + ")";
    }
}
