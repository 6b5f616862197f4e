package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static ResultLine run(String broker, String scenario, long msgsPerSecond, long lost) {
        return ResultLine.parse(new JsonLine().put("scenario", scenario).put("broker", broker)
                .put("lost", lost).put("duplicates", 0).put("msgs_per_s", msgsPerSecond).toString());
    }

    private static ResultLine run(String broker, String protocol, long msgsPerSecond) {
        return ResultLine.parse(new JsonLine().put("scenario", "fan-out").put("broker", broker)
                .put("protocol", protocol).put("lost", 0).put("duplicates", 0)
                .put("msgs_per_s", msgsPerSecond).toString());
    }

    private static ResultLine fill(String broker, long fillPerSecond) {
        return ResultLine.parse(new JsonLine().put("scenario", "persistent-sessions").put("broker", broker)
                .put("lost", 0).put("duplicates", 0).put("fill_msgs_per_s", fillPerSecond).toString());
    }

    @Test
    void reportsMedianRangeAndRatioPerBroker() {
        List<ResultLine> runs = List.of(
                run("tern", "fan-out", 300, 0), run("tern", "fan-out", 100, 0), run("tern", "fan-out", 200, 0),
                run("mosquitto", "fan-out", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| fan-out | deliveries/s | 200 (100–300) · 2.00x | 100 | >= 1.3x | yes |");
    }

    @Test
    void givesRatesAsAShareOfTheRelayAndJudgesTheRelayTarget() {
        List<ResultLine> runs = List.of(
                run("tern", "fan-in-qos0", 250, 0), run("mosquitto", "fan-in-qos0", 100, 0),
                run("relay", "fan-in-qos0", 1000, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| tern | mosquitto | relay |")
                .contains("| fan-in-qos0 | msgs/s | 250 · 2.50x · 25% of relay | 100 · 10% of relay | 1,000 · 10.00x"
                        + " | >= 1.3x; >= 50% of relay | yes; **no** |");
    }

    @Test
    void saysWhenTheLoadGeneratorRatherThanTheRelayIsTheLimit() {
        List<ResultLine> runs = List.of(
                cpu("relay", "fan-out", 0.05, 0.5), cpu("relay", "fan-in-qos0-batch1", 1.5, 6.0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("fan-out: the relay used 0.05 µs of CPU per message, the load generator 0.50:"
                + " the load generator, not the relay, sets this ceiling.")
                .doesNotContain("fan-in-qos0-batch1: the relay used");
    }

    private static ResultLine cpu(String broker, String scenario, double brokerCpu, double loadCpu) {
        return ResultLine.parse(new JsonLine().put("scenario", scenario).put("broker", broker).put("lost", 0)
                .put("duplicates", 0).put("msgs_per_s", 1000).put("broker_cpu_s_per_million_msgs", brokerCpu)
                .put("load_cpu_s_per_million_msgs", loadCpu).toString());
    }

    @Test
    void marksAMissedTargetAndShowsLoss() {
        List<ResultLine> runs = List.of(run("tern", "fan-in-qos1", 110, 7), run("mosquitto", "fan-in-qos1", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| 110 · 1.10x | 100 | >= 1.3x | **no** | tern 7/0/0; mosquitto 0/0/0 |");
    }

    @Test
    void leavesARatioVerdictEmptyWithoutMosquittoRuns() {
        List<ResultLine> runs = List.of(run("tern", "fan-out", 300, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| fan-out | deliveries/s | 300 | >= 1.3x |  | tern 0/0/0 |");
    }

    private static final String FILL_TARGETS = ">= 1.3x; tern-h2 >= 40,000 msg/s; tern-redis >= 40,000 msg/s";

    @Test
    void judgesTheFillTargetsOnTheStoresAsAbsoluteRatesAndOnTernAgainstMosquitto() {
        List<ResultLine> runs = List.of(fill("tern", 120_000), fill("tern-h2", 41_000), fill("tern-redis", 39_000),
                fill("mosquitto", 90_000));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| " + FILL_TARGETS + " | yes; yes; **no** |");
    }

    @Test
    void missesTheFillTargetWhenTernH2FillsTooSlowlyEvenIfTernIsFastEnough() {
        List<ResultLine> runs = List.of(fill("tern", 80_000), fill("tern-h2", 17_409), fill("mosquitto", 60_000));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| " + FILL_TARGETS + " | yes; **no**;  |");
    }

    @Test
    void leavesTheStoreVerdictsEmptyWhenTheStoresHaveNoRuns() {
        List<ResultLine> runs = List.of(fill("tern", 80_000), fill("mosquitto", 90_000));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| fill msgs/s | 80,000 · 0.89x | 90,000 | " + FILL_TARGETS + " | **no**; ;  |");
    }

    @Test
    void ordersBrokerColumnsTernFirstThenItsVariantsThenOthersAndMosquittoLast() {
        List<ResultLine> runs = List.of(
                run("mosquitto", "fan-out", 100, 0), run("tern-h2", "fan-out", 100, 0), run("emqx", "fan-out", 100, 0),
                run("tern", "fan-out", 100, 0), run("tern-1io", "fan-out", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).startsWith("| scenario | metric | tern | tern-1io | tern-h2 | emqx | mosquitto | target |");
    }

    @Test
    void givesAThirdBrokerItsOwnColumnWithMedianAndRatio() {
        List<ResultLine> runs = List.of(
                run("tern", "fan-out", 300, 0), run("tern-1io", "fan-out", 100, 0), run("tern-1io", "fan-out", 200, 0),
                run("tern-h2", "fan-out", 250, 0), run("mosquitto", "fan-out", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains(
                "| fan-out | deliveries/s | 300 · 3.00x | 150 (100–200) · 1.50x | 250 · 2.50x | 100 | >= 1.3x | yes |");
    }

    @Test
    void reportsMqtt5RunsApartFromMqtt311Runs() {
        List<ResultLine> runs = List.of(
                run("tern", "5", 100), run("tern", "3.1.1", 250), run("tern", "fan-out", 350, 0),
                run("mosquitto", "3.1.1", 100), run("mosquitto", "5", 200));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| fan-out | deliveries/s | 300 (250–350) · 3.00x | 100 | >= 1.3x | yes |");
        assertThat(table).contains("| fan-out (MQTT 5) | deliveries/s | 100 · 0.50x | 200 | >= 1.3x | **no** |");
        assertThat(table.indexOf("| fan-out |")).isLessThan(table.indexOf("| fan-out (MQTT 5) |"));
    }

    @Test
    void showsTheLossesOfEveryBroker() {
        ResultLine lossy = ResultLine.parse(new JsonLine().put("scenario", "fan-in-qos1").put("broker", "tern-h2")
                .put("lost", 3).put("duplicates", 1).put("msgs_per_s", 100).toString());
        List<ResultLine> runs = List.of(run("tern", "fan-in-qos1", 100, 0), lossy,
                run("mosquitto", "fan-in-qos1", 100, 0), run("tern-1io", "fan-out", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| tern 0/0/0; tern-1io -; tern-h2 3/1/0; mosquitto 0/0/0 |\n");
    }

    @Test
    void showsRefusedMessagesApartFromLossesAndAnyMisdelivery() {
        List<ResultLine> runs = List.of(
                complete("sub-table", "tern", "refused", 12, "misdelivered", 0),
                complete("sub-table", "mosquitto", "refused", 0, "misdelivered", 4));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| lost/dup/refused |")
                .contains("| tern 0/0/12; mosquitto 0/0/0 +4 misdelivered |\n");
    }

    @Test
    void largePayloadRowsShowTheBrokersPeakRss() {
        List<ResultLine> runs = List.of(
                complete("large-1m-fan-out", "tern", "msgs_per_s", 900, "broker_peak_rss_kb", 300_000),
                complete("large-1m-fan-out", "mosquitto", "msgs_per_s", 600, "broker_peak_rss_kb", 100_000));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| large-1m-fan-out | deliveries/s | 900 · 1.50x | 600 | >= 1.3x | yes |")
                .contains("| large-1m-fan-out | broker peak RSS kB (VmHWM) | 300,000 · 3.00x | 100,000 |");
    }

    /** A run that lost nothing and duplicated nothing, with two more fields. */
    private static ResultLine complete(String scenario, String broker, String field, long value,
                                       String other, long otherValue) {
        return ResultLine.parse(new JsonLine().put("scenario", scenario).put("broker", broker)
                .put("lost", 0).put("duplicates", 0).put("msgs_per_s", 100)
                .put(field, value).put(other, otherValue).toString());
    }

    @Test
    void readsTheProtocolBackAsTextBesideTheFigures() {
        ResultLine line = ResultLine.parse(new JsonLine().put("scenario", "fan-out").put("broker", "tern")
                .put("protocol", "3.1.1").put("msgs_per_s", 200).toString());

        assertThat(line.text("protocol")).isEqualTo("3.1.1");
        assertThat(line.number("msgs_per_s")).isEqualTo(200);
    }

    @Test
    void takesALineWithoutProtocolForMqtt311() {
        ResultLine line = ResultLine.parse(new JsonLine().put("scenario", "fan-out").put("broker", "tern").toString());

        assertThat(line.protocol()).isEqualTo("3.1.1");
    }

    @Test
    void readsNullAndQuotedValuesBack() {
        ResultLine line = ResultLine.parse(new JsonLine().put("broker", "a \"b\"").put("x", null).put("y", 1.5).toString());

        assertThat(line.text("broker")).isEqualTo("a \"b\"");
        assertThat(line.number("x")).isNaN();
        assertThat(line.number("y")).isEqualTo(1.5);
    }

    @Test
    void clusterRowsGiveRatiosToOneClusteredNodeAndPutTheTopologiesInOrder() {
        List<ResultLine> runs = List.of(
                run("tern-cluster-2nodes", "cluster-fan-in-qos1", 50, 0), run("tern-cluster-1node", "cluster-fan-in-qos1", 100, 0),
                run("tern-redis", "cluster-fan-in-qos1", 110, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| tern-redis | tern-cluster-1node | tern-cluster-2nodes |")
                .contains("| cluster-fan-in-qos1 | msgs/s | 110 · 1.10x | 100 | 50.00 · 0.50x |");
    }
}
