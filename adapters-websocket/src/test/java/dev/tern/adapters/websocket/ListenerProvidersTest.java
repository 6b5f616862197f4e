package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.testing.ServiceProviders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerProvidersTest {

    private final Map<String, ListenerProvider<?>> providers = ServiceProviders.byName(ListenerProvider.class);

    @Test
    void serviceLoaderFindsWebSocketOnByDefaultAndWssOffByDefault() {
        assertThat(providers).containsKeys("websocket", "wss");
        assertThat(providers.get("websocket")).isInstanceOf(WebSocketListenerProvider.class);
        assertThat(providers.get("websocket").enabledByDefault()).isTrue();
        assertThat(providers.get("wss")).isInstanceOf(SecureWebSocketListenerProvider.class);
        assertThat(providers.get("wss").enabledByDefault()).isFalse();
    }

    @Test
    void everySettingIsDeclaredSoTheBrokerCanBindIt() {
        for (ListenerProvider<?> provider : providers.values()) {
            assertThat(provider.settingsType().getRecordComponents()).as(provider.name()).isNotEmpty();
            assertThat(ServiceProviders.undeclaredSettings(provider)).as(provider.name()).isEmpty();
        }
    }
}
