package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Who may use the admin endpoints: the {@code admin.*} settings that belong to no admin listener.
 *
 * @param apiKeyFile the API keys, hashed, as {@code tern apikey} writes them; absent means no key is valid
 */
public record AdminConfig(
        @Setting(defaultValue = "./api-keys", description =
                "file of the API keys (hashed) that admin requests present as Authorization: Bearer; "
                        + "managed with tern apikey")
        Path apiKeyFile) {

    public AdminConfig {
        Objects.requireNonNull(apiKeyFile, "apiKeyFile");
    }
}
