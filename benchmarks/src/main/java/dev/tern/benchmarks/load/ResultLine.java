package dev.tern.benchmarks.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON line read back, as printed by {@link JsonLine}: flat, with string, number or null
 * values only.
 *
 * <p>Threading: immutable.
 */
record ResultLine(Map<String, String> fields) {

    private static final Pattern FIELD = Pattern.compile("\"([^\"]+)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)");

    static ResultLine parse(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            String value = matcher.group(3) != null
                    ? matcher.group(3).replace("\\\"", "\"").replace("\\\\", "\\")
                    : matcher.group(2).trim();
            fields.put(matcher.group(1), "null".equals(value) ? null : value);
        }
        return new ResultLine(Collections.unmodifiableMap(fields));
    }

    String text(String name) {
        return fields.get(name);
    }

    /** The MQTT version the run spoke, "3.1.1" for lines written before the field existed. */
    String protocol() {
        String protocol = fields.get("protocol");
        return protocol == null ? RunGroup.DEFAULT_PROTOCOL : protocol;
    }

    /** The number, or NaN when absent or null. */
    double number(String name) {
        String value = fields.get(name);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }
}
