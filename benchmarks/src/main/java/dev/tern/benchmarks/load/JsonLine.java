package dev.tern.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line JSON result of a run. Fields keep their insertion order; negative measurements
 * (meaning "not measured") and NaN become null.
 *
 * <p>Threading: not thread-safe; built by the run's main thread.
 */
final class JsonLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    JsonLine put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** A measurement that is null when negative (not available). */
    JsonLine measured(String name, double value) {
        fields.put(name, value < 0 || Double.isNaN(value) ? null : value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(field.getKey()).append("\":").append(format(field.getValue()));
        }
        return out.append('}').toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double number) {
            double rounded = Math.rint(number);
            return rounded == number && Math.abs(number) < 1e15
                    ? Long.toString((long) rounded)
                    : String.format(Locale.ROOT, "%.3f", number);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
