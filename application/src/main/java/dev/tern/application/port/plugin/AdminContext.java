package dev.tern.application.port.plugin;

import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.TopicWatches;
import dev.tern.application.port.out.ApiKeyVerifier;
import dev.tern.application.port.out.MetricsExposition;
import dev.tern.application.port.out.Readiness;
import java.util.Objects;

/**
 * What an admin listener may show and whom it lets in.
 *
 * @param metrics the meters as text; {@code null} when the metrics backend is not scraped ({@code none})
 * @param apiKeys checks the keys of requests that need one
 * @param admin   the broker's sessions, retained messages and publish path, for the admin API
 * @param watches live views of a topic filter, for the dashboard's Watch view
 */
public record AdminContext(Readiness readiness, MetricsExposition metrics, ApiKeyVerifier apiKeys, BrokerAdmin admin,
        TopicWatches watches) {

    public AdminContext {
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(watches, "watches");
    }

    /** Without watches: every watch is refused. */
    public AdminContext(Readiness readiness, MetricsExposition metrics, ApiKeyVerifier apiKeys, BrokerAdmin admin) {
        this(readiness, metrics, apiKeys, admin, TopicWatches.NONE);
    }
}
