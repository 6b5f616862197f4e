package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.RetainedView;
import dev.tern.domain.topic.TopicFilter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/retained}: list by filter, read and delete by topic (the rest of the path).
 * Payloads are given as text when they are UTF-8, and always as base64.
 *
 * <p>Threading: stateless; runs on admin worker threads.
 */
final class RetainedRoutes {

    private final BrokerAdmin admin;

    RetainedRoutes(BrokerAdmin admin) {
        this.admin = admin;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/v1/retained", this::list),
                new Route("GET", "/api/v1/retained/{topic}", this::get),
                new Route("DELETE", "/api/v1/retained/{topic}", this::delete));
    }

    private ApiResponse list(ApiRequest request) {
        String filter = request.queryParameter("filter").orElse("#");
        if (TopicFilter.parseOrNull(filter) == null) {
            throw new BadInput("filter", "not a valid topic filter: " + filter);
        }
        return ApiResponse.ok(Paging.json(admin.retained(filter, Paging.of(request)), RetainedRoutes::json));
    }

    private ApiResponse get(ApiRequest request) {
        String topic = request.pathParameter("topic");
        return admin.retainedMessage(topic).map(RetainedRoutes::json).map(ApiResponse::ok)
                .orElseGet(() -> ApiResponse.error(404, "no retained message on " + topic));
    }

    private ApiResponse delete(ApiRequest request) {
        return ApiResponse.of(admin.deleteRetained(request.pathParameter("topic")));
    }

    private static Object json(RetainedView message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", message.topic());
        out.put("qos", message.qos());
        out.put("payload", utf8OrNull(message.payload()));
        out.put("payload_base64", Base64.getEncoder().encodeToString(message.payload()));
        out.put("publisher", message.publisherId());
        return out;
    }

    static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
