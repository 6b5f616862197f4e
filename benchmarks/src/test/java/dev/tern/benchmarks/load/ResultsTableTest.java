package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static ResultLine run(String broker, String scenario, long msgsPerSecond, long lost) {
        return ResultLine.parse(new JsonLine().put("scenario", scenario).put("broker", broker)
                .put("lost", lost).put("duplicates", 0).put("msgs_per_s", msgsPerSecond).toString());
    }

    @Test
    void reportsMedianRangeAndRatioPerBroker() {
        List<ResultLine> runs = List.of(
                run("tern", "fan-out", 300, 0), run("tern", "fan-out", 100, 0), run("tern", "fan-out", 200, 0),
                run("mosquitto", "fan-out", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| fan-out | deliveries/s | 200 (100–300) | 100 | 2.00 | >= 1.3x | yes |");
    }

    @Test
    void marksAMissedTargetAndShowsLoss() {
        List<ResultLine> runs = List.of(run("tern", "fan-in-qos1", 110, 7), run("mosquitto", "fan-in-qos1", 100, 0));

        String table = ResultsTable.markdown(runs);

        assertThat(table).contains("| 1.10 | >= 1.3x | **no** | 7/0; 0/0 |");
    }

    @Test
    void readsTheProtocolBackAsTextBesideTheFigures() {
        ResultLine line = ResultLine.parse(new JsonLine().put("scenario", "fan-out").put("broker", "tern")
                .put("protocol", "3.1.1").put("msgs_per_s", 200).toString());

        assertThat(line.text("protocol")).isEqualTo("3.1.1");
        assertThat(line.number("msgs_per_s")).isEqualTo(200);
    }

    @Test
    void readsNullAndQuotedValuesBack() {
        ResultLine line = ResultLine.parse(new JsonLine().put("broker", "a \"b\"").put("x", null).put("y", 1.5).toString());

        assertThat(line.text("broker")).isEqualTo("a \"b\"");
        assertThat(line.number("x")).isNaN();
        assertThat(line.number("y")).isEqualTo(1.5);
    }
}
