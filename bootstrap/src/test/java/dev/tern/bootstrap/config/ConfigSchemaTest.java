package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.Setting;
import dev.tern.bootstrap.plugin.PluginException;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of the core and of the class path's providers: what replaced the fixed key list. */
class ConfigSchemaTest {

    record SwitchItself(@Setting(defaultValue = "true", description = "clashes with the broker's own switch")
            boolean enabled) {
    }

    private static ConfigSchema schema(Providers providers) {
        Map<String, ListenerProvider<?>> kinds = new LinkedHashMap<>();
        providers.listeners().forEach(provider -> kinds.put(provider.name(), provider));
        return new ConfigSchema(providers, kinds);
    }

    @Test
    void derivesEnvironmentNamesFromDotsAndDashes() {
        Map<String, SettingSpec> specs = schema(ProviderDiscovery.onClassPath()).specs();

        assertThat(specs.get("listeners.tcp.port").environmentName()).isEqualTo("TERN_LISTENERS_TCP_PORT");
        assertThat(specs.get("mqtt.queue-qos0-for-offline").environmentName())
                .isEqualTo("TERN_MQTT_QUEUE_QOS0_FOR_OFFLINE");
        assertThat(specs.get("security.file.brute-force.ban-seconds").environmentName())
                .isEqualTo("TERN_SECURITY_FILE_BRUTE_FORCE_BAN_SECONDS");
    }

    @Test
    void environmentNamesAreUnique() {
        assertThat(schema(ProviderDiscovery.onClassPath()).specs().values()).extracting(SettingSpec::environmentName)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyDefaultParses() {
        assertThat(schema(ProviderDiscovery.onClassPath()).specs().values())
                .allSatisfy(spec -> assertThat(spec.parser().parse(spec.defaultValue())).as(spec.key()).isNotNull());
    }

    @Test
    void holdsTheCoreKeysAndEveryProvidersKeysUnderItsNamespace() {
        assertThat(schema(ProviderDiscovery.onClassPath()).specs()).containsKeys("mqtt.max-inflight",
                "mqtt.shared-subscription-strategy", "storage.backend", "storage.durability", "storage.h2.path",
                "storage.redis.url", "security.authenticator", "security.file.scram", "security.acl.file",
                "plugins.dir", "plugins.event-queue", "listeners.tcp.type", "listeners.tcp.enabled",
                "listeners.websocket.allowed-origins", "listeners.wss.key-file", "listeners.tls.ca-file");
    }

    @Test
    void onlyTheKindsNamedLikeTheirProviderAreEnabledByDefault() {
        Map<String, SettingSpec> specs = schema(ProviderDiscovery.onClassPath()).specs();

        assertThat(List.of("tcp", "websocket", "tls", "wss"))
                .extracting(kind -> specs.get("listeners." + kind + ".enabled").defaultValue())
                .containsExactly("true", "true", "false", "false");
    }

    @Test
    void twoSettingsOfOneKeyAreRefused() {
        Providers providers = ProviderDiscovery.onClassPath().plus(new Providers(List.of(), List.of(), List.of(),
                List.of(), List.of(new EventListenerStub("audit", SwitchItself.class))));

        assertThatThrownBy(() -> schema(providers))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("two settings are named plugins.audit.enabled");
    }

    record EventListenerStub<S extends Record>(String name, Class<S> settingsType)
            implements EventListenerProvider<S> {

        @Override
        public String description() {
            return "stub";
        }

        @Override
        public BrokerEventListener create(S settings) {
            throw new UnsupportedOperationException();
        }
    }
}
