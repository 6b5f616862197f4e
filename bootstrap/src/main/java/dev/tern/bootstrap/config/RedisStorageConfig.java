package dev.tern.bootstrap.config;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/** The Redis server, as a {@code redis://} or {@code rediss://} (TLS) URL. */
public record RedisStorageConfig(URI url) {

    static final Set<String> SCHEMES = Set.of("redis", "rediss");

    public RedisStorageConfig {
        Objects.requireNonNull(url, "url");
        if (!SCHEMES.contains(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be redis://host[:port] or rediss://host[:port]: " + url);
        }
    }
}
