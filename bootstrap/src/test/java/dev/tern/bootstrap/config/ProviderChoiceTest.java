package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.NoSettings;
import dev.tern.application.storage.memory.MemoryStorageProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code storage.backend}, {@code security.authenticator} and {@code security.authorizer} name providers. */
class ProviderChoiceTest {

    @Test
    void choosesTheNamedBackendWithItsSettings() {
        BrokerConfig config = Load.withSets("storage.backend=memory");

        assertThat(config.storage().name()).isEqualTo("memory");
        assertThat(config.storage().provider()).isInstanceOf(MemoryStorageProvider.class);
        assertThat(config.storage().settings()).isEqualTo(new NoSettings());
        assertThat(config.storageConfig().backend()).isEqualTo("memory");
    }

    @Test
    void anUnknownBackendIsRefusedListingTheBackendsFound() {
        assertThatThrownBy(() -> Load.withSets("storage.backend=nosuch"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.backend: \"nosuch\" is not one of memory, h2, redis (from --set)");
    }

    @Test
    void anUnknownBackendListsAPluginsBackendToo() {
        assertThatThrownBy(() -> Load.withSets(TestProviders.withStorage("test-store", NoSettings.class),
                "storage.backend=nosuch"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.backend: \"nosuch\" is not one of memory, h2, redis, test-store (from --set)");
    }

    @Test
    void anUnknownAuthenticatorIsRefusedListingTheAuthenticatorsFound() {
        assertThatThrownBy(() -> ConfigLoader.load(Load.commandLine(java.util.Optional.empty()),
                Map.of("TERN_SECURITY_AUTHENTICATOR", "ldap")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("security.authenticator: \"ldap\" is not one of ")
                .hasMessageContainingAll("file", "one-time-code")
                .hasMessageEndingWith(" (from environment variable TERN_SECURITY_AUTHENTICATOR)");
    }

    @Test
    void anUnknownAuthorizerIsRefusedListingTheAuthorizersFound() {
        assertThatThrownBy(() -> Load.withSets("security.authorizer=rbac"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("security.authorizer: \"rbac\" is not one of acl (from --set)");
    }

    @Test
    void everyUnknownChoiceIsReportedAtOnce() {
        assertThatThrownBy(() -> Load.withSets("storage.backend=a", "security.authenticator=b",
                "security.authorizer=c"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void onlyTheChosenBackendsSettingsAreBound() {
        BrokerConfig config = Load.withSets("storage.backend=memory", "storage.redis.url=http://not-redis");

        assertThat(config.storage().name()).isEqualTo("memory");
    }
}
