package dev.tern.adapters.admin.http;

/**
 * Input a route cannot use; the router answers 400 {@code {"error": ..., "field": ...}}. An
 * exception only inside the adapter, so that parsing reads straight; it never leaves the router.
 */
final class BadInput extends RuntimeException {

    private final String field;

    BadInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
