package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.AdminPublish;
import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.domain.message.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/publish}: {@code {topic, payload | payload_base64, qos, retain, user_properties}},
 * user properties as an object of string values.
 *
 * <p>Threading: stateless; runs on admin worker threads.
 */
final class PublishRoutes {

    private final BrokerAdmin admin;

    PublishRoutes(BrokerAdmin admin) {
        this.admin = admin;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/v1/publish", this::publish));
    }

    private ApiResponse publish(ApiRequest request) {
        Map<String, Object> body = request.jsonObject();
        String topic = ApiRequest.string(body, "topic", true);
        String text = ApiRequest.string(body, "payload", false);
        String base64 = ApiRequest.string(body, "payload_base64", false);
        if (text != null && base64 != null) {
            throw new BadInput("payload_base64", "give payload or payload_base64, not both");
        }
        byte[] payload;
        if (base64 != null) {
            try {
                payload = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new BadInput("payload_base64", "payload_base64 is not base64: " + e.getMessage());
            }
        } else {
            payload = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        }
        int qos = ApiRequest.integer(body, "qos", 0, 0, 2);
        boolean retain = ApiRequest.bool(body, "retain");
        return ApiResponse.of(admin.publish(new AdminPublish(topic, payload, qos, retain, userProperties(body))));
    }

    private static List<UserProperty> userProperties(Map<String, Object> body) {
        Object value = body.get("user_properties");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadInput("user_properties", "user_properties must be an object of strings");
        }
        List<UserProperty> properties = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw new BadInput("user_properties", "user property " + entry.getKey() + " must be a string");
            }
            properties.add(new UserProperty((String) entry.getKey(), text));
        }
        return properties;
    }
}
