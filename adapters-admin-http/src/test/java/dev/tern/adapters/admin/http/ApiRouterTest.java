package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.admin.FileReload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's routes against a fake broker: parameters in, JSON out, errors naming their field. */
class ApiRouterTest {

    private final FakeBrokerAdmin admin = new FakeBrokerAdmin();
    private final ApiRouter router = ApiRoutes.router(admin);

    private ApiResponse call(String method, String path, Map<String, List<String>> query, String body) {
        return router.handle(new ApiRequest(method, path, query, body, Map.of()));
    }

    private ApiResponse get(String path, Map<String, List<String>> query) {
        return call("GET", path, query, "");
    }

    private static Map<?, ?> json(ApiResponse response) {
        return (Map<?, ?>) JsonReader.parse(response.body());
    }

    @Test
    void listsClientsWithFiltersAndPaging() {
        ApiResponse all = get("/api/v1/clients", Map.of());
        assertThat(all.status()).isEqualTo(200);
        assertThat(json(all).get("total").toString()).isEqualTo("2");

        Map<?, ?> connected = json(get("/api/v1/clients", Map.of("connected", List.of("false"))));
        assertThat((List<?>) connected.get("items")).singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("clientid")).isEqualTo("sensor-2"));

        Map<?, ?> byUser = json(get("/api/v1/clients", Map.of("username", List.of("alice"), "clientid",
                List.of("sensor"))));
        assertThat(byUser.get("total").toString()).isEqualTo("1");

        Map<?, ?> secondPage = json(get("/api/v1/clients", Map.of("page", List.of("2"), "limit", List.of("1"))));
        assertThat(secondPage.get("total").toString()).isEqualTo("2");
        assertThat((List<?>) secondPage.get("items")).singleElement()
                .satisfies(item -> assertThat(((Map<?, ?>) item).get("clientid")).isEqualTo("sensor-2"));
    }

    @Test
    void badQueryParametersAre400sNamingTheField() {
        assertBadInput(get("/api/v1/clients", Map.of("limit", List.of("1001"))), "limit");
        assertBadInput(get("/api/v1/clients", Map.of("page", List.of("0"))), "page");
        assertBadInput(get("/api/v1/clients", Map.of("connected", List.of("yes"))), "connected");
        assertBadInput(get("/api/v1/retained", Map.of("filter", List.of("a/#/b"))), "filter");
        assertBadInput(call("DELETE", "/api/v1/clients/sensor-1/subscriptions", Map.of(), ""), "filter");
    }

    @Test
    void oneClientInDetailOr404() {
        Map<?, ?> detail = json(get("/api/v1/clients/sensor-1", Map.of()));
        assertThat(detail.get("username")).isEqualTo("alice");
        assertThat(detail.get("protocol").toString()).isEqualTo("5");
        assertThat(detail.get("queued").toString()).isEqualTo("2");
        assertThat((List<?>) detail.get("subscriptions")).singleElement()
                .satisfies(s -> assertThat(((Map<?, ?>) s).get("filter")).isEqualTo("a/#"));
        ApiResponse missing = get("/api/v1/clients/nobody", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("error").toString()).contains("nobody");
    }

    @Test
    void kickPassesTheSessionFlag() {
        assertThat(call("DELETE", "/api/v1/clients/sensor-1", Map.of("session", List.of("true")), "").status())
                .isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/clients/sensor-2", Map.of(), "").status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/clients/ghost", Map.of(), "").status()).isEqualTo(404);
        assertThat(admin.calls).containsExactly("kick sensor-1 true", "kick sensor-2 false", "kick ghost false");
    }

    @Test
    void subscribesOnBehalfFromAJsonBody() {
        ApiResponse done = call("POST", "/api/v1/clients/sensor-1/subscriptions", Map.of(),
                "{\"filter\": \"x/+\", \"qos\": 2}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(admin.calls).containsExactly("subscribe sensor-1 x/+ 2");
        assertBadInput(call("POST", "/api/v1/clients/sensor-1/subscriptions", Map.of(), "{\"qos\": 1}"), "filter");
        assertBadInput(call("POST", "/api/v1/clients/sensor-1/subscriptions", Map.of(),
                "{\"filter\": \"x\", \"qos\": 3}"), "qos");
        assertBadInput(call("POST", "/api/v1/clients/sensor-1/subscriptions", Map.of(), "{\"filter\": "), "body");
        assertBadInput(call("POST", "/api/v1/clients/sensor-1/subscriptions", Map.of(), "[]"), "body");
    }

    @Test
    void publishesTextOrBase64WithUserProperties() {
        assertThat(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": \"t\", \"payload\": \"héllo\", \"qos\": 1,"
                + " \"retain\": true, \"user_properties\": {\"k\": \"v\"}}").status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": \"t\", \"payload_base64\": \"AAE=\"}")
                .status()).isEqualTo(200);
        assertThat(admin.published).hasSize(2);
        assertThat(admin.published.get(0).payload()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(admin.published.get(0).retain()).isTrue();
        assertThat(admin.published.get(0).userProperties()).singleElement()
                .satisfies(p -> assertThat(p.name() + "=" + p.value()).isEqualTo("k=v"));
        assertThat(admin.published.get(1).payload()).containsExactly(0, 1);

        assertBadInput(call("POST", "/api/v1/publish", Map.of(), "{\"payload\": \"x\"}"), "topic");
        assertBadInput(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": 5}"), "topic");
        assertBadInput(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": \"t\", \"payload_base64\": \"%%\"}"),
                "payload_base64");
        assertBadInput(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": \"t\", \"retain\": \"yes\"}"), "retain");
        assertBadInput(call("POST", "/api/v1/publish", Map.of(), "{\"topic\": \"t\", \"user_properties\": [1]}"),
                "user_properties");
    }

    @Test
    void retainedByTopicWithSlashes() {
        Map<?, ?> one = json(get("/api/v1/retained/a/b", Map.of()));
        assertThat(one.get("payload")).isEqualTo("on");
        assertThat(one.get("payload_base64")).isEqualTo("b24=");
        assertThat(json(get("/api/v1/retained", Map.of("filter", List.of("a/+")))).get("total").toString())
                .isEqualTo("1");
        assertThat(call("DELETE", "/api/v1/retained/a/b", Map.of(), "").status()).isEqualTo(200);
        assertThat(get("/api/v1/retained/a/b", Map.of()).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/retained/a/b", Map.of(), "").status()).isEqualTo(404);
    }

    @Test
    void brokerAndSummary() {
        Map<?, ?> broker = json(get("/api/v1/broker", Map.of()));
        assertThat(broker.get("node")).isEqualTo("node-a");
        assertThat((List<?>) broker.get("listeners")).singleElement()
                .satisfies(l -> assertThat(((Map<?, ?>) l).get("port").toString()).isEqualTo("1883"));
        assertThat(json(get("/api/v1/metrics/summary", Map.of())).get("clients_connected").toString()).isEqualTo("1");
    }

    @Test
    void reloadIs409WithoutFilesAnd422WhenOneFails() {
        assertThat(call("POST", "/api/v1/security/reload", Map.of(), "").status()).isEqualTo(409);
        admin.reload = Optional.of(List.of(new FileReload("password file", "/etc/tern/passwd", null)));
        assertThat(call("POST", "/api/v1/security/reload", Map.of(), "").status()).isEqualTo(200);
        admin.reload = Optional.of(List.of(new FileReload("ACL file", "/etc/tern/acl", "line 3: bad rule")));
        ApiResponse failed = call("POST", "/api/v1/security/reload", Map.of(), "");
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.body()).contains("line 3: bad rule");
    }

    @Test
    void unknownPathIs404AndWrongMethod405() {
        assertThat(get("/api/v1/nothing", Map.of()).status()).isEqualTo(404);
        ApiResponse wrong = call("PUT", "/api/v1/clients/x", Map.of(), "");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(json(wrong).get("error").toString()).contains("DELETE, GET");
    }

    private static void assertBadInput(ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("field")).isEqualTo(field);
    }
}
