package dev.tern.adapters.admin.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request, free of Undertow: method, decoded path, query parameters, body text, and the
 * values of the route's path parameters once matched. The accessors for input turn a bad value
 * into {@link BadInput}, which the router answers with 400 naming the field.
 *
 * <p>Threading: used on the one worker thread that serves the request.
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, String body,
        Map<String, String> pathParameters) {

    ApiRequest {
        query = Map.copyOf(query);
        pathParameters = Map.copyOf(pathParameters);
    }

    ApiRequest withPathParameters(Map<String, String> parameters) {
        return new ApiRequest(method, path, query, body, parameters);
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String requiredQuery(String name) {
        return queryParameter(name).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new BadInput(name, name + " is required"));
    }

    int intQuery(String name, int defaultValue, int min, int max) {
        Optional<String> text = queryParameter(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new BadInput(name, name + " must be a whole number from " + min + " to " + max);
    }

    Optional<Boolean> booleanQuery(String name) {
        Optional<String> text = queryParameter(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new BadInput(name, name + " must be true or false");
        };
    }

    /** The body as a JSON object. */
    Map<String, Object> jsonObject() {
        if (body.isBlank()) {
            throw new BadInput("body", "a JSON object is required");
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(body);
        } catch (IllegalArgumentException e) {
            throw new BadInput("body", e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadInput("body", "a JSON object is required");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return members;
    }

    static String string(Map<String, Object> body, String field, boolean required) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                throw new BadInput(field, field + " is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new BadInput(field, field + " must be a string");
        }
        return text;
    }

    static int integer(Map<String, Object> body, String field, int defaultValue, int min, int max) {
        Object value = body.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof BigDecimal number) {
            try {
                int exact = number.intValueExact();
                if (exact >= min && exact <= max) {
                    return exact;
                }
            } catch (ArithmeticException e) {
                // answered below
            }
        }
        throw new BadInput(field, field + " must be a whole number from " + min + " to " + max);
    }

    static boolean bool(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new BadInput(field, field + " must be true or false");
        }
        return flag;
    }
}
