package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and checking the load generator's JSON lines in tests. */
final class LoadLines {

    private LoadLines() {
    }

    /** Every expected delivery arrived, once. */
    static void assertComplete(String line) {
        assertThat(field(line, "received")).as(line).isEqualTo(field(line, "sent"));
        assertThat(field(line, "lost")).as(line).isZero();
        assertThat(field(line, "duplicates")).as(line).isZero();
    }

    /** An integer field of the line, which must be present. */
    static long field(String line, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(line);
        assertThat(matcher.find()).as("%s in %s", name, line).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
