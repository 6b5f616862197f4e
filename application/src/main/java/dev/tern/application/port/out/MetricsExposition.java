package dev.tern.application.port.out;

/**
 * The meters of a {@link MetricsRegistry} as text for a scraper, so that an HTTP endpoint can
 * serve them without knowing the metrics library.
 *
 * <p>Threading: thread-safe; {@link #scrape()} may be called from any thread, concurrently.
 */
public interface MetricsExposition {

    /** The HTTP content type of {@link #scrape()}: Prometheus text format 0.0.4, say. */
    String contentType();

    /** Every meter's current value in that format. */
    String scrape();
}
