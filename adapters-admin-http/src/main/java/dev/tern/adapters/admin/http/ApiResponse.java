package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.AdminOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** A status and a JSON body. */
record ApiResponse(int status, String body) {

    static ApiResponse ok(Object json) {
        return new ApiResponse(200, Json.write(json));
    }

    static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Json.write(Map.of("error", message)));
    }

    static ApiResponse badInput(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        return new ApiResponse(400, Json.write(body));
    }

    /** Done 200, NotFound 404, Rejected 400 naming the field, Refused 409. */
    static ApiResponse of(AdminOutcome outcome) {
        if (outcome instanceof AdminOutcome.Done done) {
            return ok(Map.of("result", done.message()));
        }
        if (outcome instanceof AdminOutcome.NotFound missing) {
            return error(404, missing.message());
        }
        if (outcome instanceof AdminOutcome.Rejected rejected) {
            return badInput(rejected.field(), rejected.message());
        }
        return error(409, outcome.message());
    }
}
