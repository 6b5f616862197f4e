package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.Page;
import dev.tern.application.port.in.admin.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code page} and {@code limit} in, {@code {"total", "page", "limit", "items"}} out. */
final class Paging {

    private Paging() {
    }

    static PageRequest of(ApiRequest request) {
        return new PageRequest(request.intQuery("page", 1, 1, Integer.MAX_VALUE),
                request.intQuery("limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT));
    }

    static <T> Map<String, Object> json(Page<T> page, Function<T, Object> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("page", page.page());
        out.put("limit", page.limit());
        List<Object> items = page.items().stream().map(item).toList();
        out.put("items", items);
        return out;
    }
}
