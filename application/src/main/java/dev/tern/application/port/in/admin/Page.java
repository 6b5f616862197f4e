package dev.tern.application.port.in.admin;

import java.util.List;

/** One page of a listing and the number of items in all pages. */
public record Page<T>(List<T> items, int total, int page, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of {@code all}, already filtered and ordered. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(all.size(), request.offset());
        int to = (int) Math.min(all.size(), (long) from + request.limit());
        return new Page<>(all.subList(from, to), all.size(), request.page(), request.limit());
    }
}
