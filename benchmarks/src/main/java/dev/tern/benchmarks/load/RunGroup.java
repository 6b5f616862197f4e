package dev.tern.benchmarks.load;

import java.util.Comparator;
import java.util.List;

/**
 * The runs whose figures are pooled: one scenario in one protocol version. MQTT 5 runs exercise
 * other frames and flow control than 3.1.1 runs, so mixing them would blur both medians.
 *
 * <p>Threading: immutable.
 */
record RunGroup(String scenario, String protocol) {

    /** Older lines carry no protocol field; they were all 3.1.1. */
    static final String DEFAULT_PROTOCOL = "3.1.1";

    private static final Comparator<String> PROTOCOL_ORDER = Comparator
            .comparing((String protocol) -> !protocol.equals(DEFAULT_PROTOCOL))
            .thenComparing(Comparator.naturalOrder());

    /** The groups of one scenario present in the runs, 3.1.1 first. */
    static List<RunGroup> of(List<ResultLine> runs, String scenario) {
        return runs.stream()
                .filter(run -> scenario.equals(run.text("scenario")))
                .map(ResultLine::protocol)
                .distinct()
                .sorted(PROTOCOL_ORDER)
                .map(protocol -> new RunGroup(scenario, protocol))
                .toList();
    }

    boolean contains(ResultLine run) {
        return scenario.equals(run.text("scenario")) && protocol.equals(run.protocol());
    }

    /** The scenario name, qualified by the protocol unless it is the default one. */
    String label() {
        return protocol.equals(DEFAULT_PROTOCOL) ? scenario : scenario + " (MQTT " + protocol + ")";
    }
}
