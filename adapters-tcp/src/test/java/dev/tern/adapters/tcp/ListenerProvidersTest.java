package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.testing.ServiceProviders;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerProvidersTest {

    private final Map<String, ListenerProvider<?>> providers = ServiceProviders.byName(ListenerProvider.class);

    @Test
    void serviceLoaderFindsTcpOnByDefaultAndTlsOffByDefault() {
        assertThat(providers).containsKeys("tcp", "tls");
        assertThat(providers.get("tcp")).isInstanceOf(TcpListenerProvider.class);
        assertThat(providers.get("tcp").enabledByDefault()).isTrue();
        assertThat(providers.get("tls")).isInstanceOf(TlsListenerProvider.class);
        assertThat(providers.get("tls").enabledByDefault()).isFalse();
    }

    @Test
    void everySettingIsDeclaredSoTheBrokerCanBindIt() {
        for (ListenerProvider<?> provider : providers.values()) {
            assertThat(provider.settingsType().getRecordComponents()).as(provider.name()).isNotEmpty();
            assertThat(ServiceProviders.undeclaredSettings(provider)).as(provider.name()).isEmpty();
        }
    }

    @Test
    void tlsDoesNotDeclareTheUserNameSettingTheSecurityConfigurationOwns() {
        assertThat(Arrays.stream(TlsListenerProvider.Settings.class.getRecordComponents())
                .map(RecordComponent::getName)).doesNotContain("useIdentityAsUsername");
    }
}
