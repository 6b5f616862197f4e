package dev.tern.e2e.admin;

import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import java.nio.file.Path;

/**
 * A broker with its admin listener on and one API key ("ops") made by {@code tern apikey}, for
 * admin tests.
 *
 * @param url the admin listener's base URL
 */
record AdminBroker(TernBroker broker, String url, String key) implements AutoCloseable {

    static AdminBroker start(Path dir) throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "ops");
        TernBroker broker = Tern.builder().set("admin.http.enabled", "true").set("admin.api-key-file", keys.toString())
                .start();
        return new AdminBroker(broker, "http://127.0.0.1:" + broker.port("admin-http"), key);
    }

    @Override
    public void close() {
        broker.close();
    }
}
