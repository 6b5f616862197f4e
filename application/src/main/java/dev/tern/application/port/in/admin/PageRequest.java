package dev.tern.application.port.in.admin;

/** One page of a listing, counted from 1, with at most {@link #MAX_LIMIT} items. */
public record PageRequest(int page, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page counts from 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
    }
}
