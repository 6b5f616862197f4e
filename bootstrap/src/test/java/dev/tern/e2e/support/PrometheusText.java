package dev.tern.e2e.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Prometheus text exposition (format 0.0.4): each sample by its name and labels, each
 * metric family's {@code # TYPE}. Strict enough for tests: a line that is neither a comment nor
 * {@code name{labels} value [timestamp]} fails the parse.
 */
public final class PrometheusText {

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("bad TYPE line: " + line);
                }
                parsed.types.put(parts[0], parts[1]);
            } else if (!line.startsWith("#")) {
                parsed.sample(line);
            }
        }
        return parsed;
    }

    private void sample(String line) {
        int i = 0;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_'
                || line.charAt(i) == ':')) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name: " + line);
        }
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String label = line.substring(i, equals).strip();
                if (line.charAt(equals + 1) != '"') {
                    throw new IllegalArgumentException("unquoted label value: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).strip().split(" ");
        if (rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException("bad sample: " + line);
        }
        samples.put(key(name, labels), Double.parseDouble(rest[0]));
    }

    private static String key(String name, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=" + v));
        return name + parts;
    }

    /** The sample's value; {@code labels} alternate names and values, in any order. */
    public double value(String name, String... labels) {
        Double value = samples.get(key(name, labelMap(labels)));
        if (value == null) {
            throw new AssertionError("no sample " + key(name, labelMap(labels)) + " among " + samples.keySet());
        }
        return value;
    }

    public boolean has(String name, String... labels) {
        return samples.containsKey(key(name, labelMap(labels)));
    }

    /** The {@code # TYPE} of a metric family: counter, gauge, histogram, ... */
    public String type(String family) {
        return types.get(family);
    }

    private static Map<String, String> labelMap(String... labels) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return map;
    }
}
