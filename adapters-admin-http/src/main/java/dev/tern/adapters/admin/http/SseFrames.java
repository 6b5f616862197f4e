package dev.tern.adapters.admin.http;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Server-Sent Events a watch stream writes: one {@code data:} line of JSON per message (the
 * payload as text when it is UTF-8, else as {@code payload_base64}), {@code event: dropped} with
 * how many messages were dropped, {@code event: end} with why the stream ends, and comments as
 * keep-alives. JSON has no raw line breaks, so each event is one line.
 */
final class SseFrames {

    static final String KEEP_ALIVE = ": keep-alive\n\n";

    private SseFrames() {
    }

    static String message(WatchBuffer.Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", entry.message().topic());
        json.put("qos", entry.message().qos());
        json.put("retain", entry.message().retain());
        String text = RetainedRoutes.utf8OrNull(entry.message().payload());
        if (text != null) {
            json.put("payload", text);
        } else {
            json.put("payload_base64", Base64.getEncoder().encodeToString(entry.message().payload()));
        }
        if (entry.truncated()) {
            json.put("truncated", true);
            json.put("size", entry.size());
        }
        json.put("at", entry.message().at().toString());
        return "data: " + Json.write(json) + "\n\n";
    }

    static String dropped(long count) {
        return "event: dropped\ndata: " + Json.write(Map.of("dropped", count)) + "\n\n";
    }

    static String end(String reason) {
        return "event: end\ndata: " + Json.write(Map.of("reason", reason)) + "\n\n";
    }
}
