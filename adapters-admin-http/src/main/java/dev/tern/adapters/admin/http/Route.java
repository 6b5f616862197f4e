package dev.tern.adapters.admin.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One API endpoint: a method and a path template such as {@code /api/v1/clients/{id}}. A
 * parameter matches one path segment, except a last parameter named {@code topic}, which takes
 * the rest of the path, slashes included (topics have levels).
 */
record Route(String method, String template, Function<ApiRequest, ApiResponse> action) {

    private static final String GREEDY = "{topic}";

    /** The path parameters when {@code path} fits the template, else null. */
    Map<String, String> match(String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (i >= got.length) {
                return null;
            }
            boolean last = i == want.length - 1;
            if (last && want[i].equals(GREEDY)) {
                String rest = String.join("/", Arrays.copyOfRange(got, i, got.length));
                if (rest.isEmpty()) {
                    return null;
                }
                parameters.put("topic", rest);
                return parameters;
            }
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                parameters.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return got.length == want.length ? parameters : null;
    }
}
