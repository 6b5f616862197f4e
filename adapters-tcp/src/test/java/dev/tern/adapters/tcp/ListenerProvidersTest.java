package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.Setting;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListenerProvidersTest {

    private final Map<String, ListenerProvider<?>> providers = ServiceLoader.load(ListenerProvider.class).stream()
            .map(provider -> (ListenerProvider<?>) provider.get())
            .collect(Collectors.toMap(ListenerProvider::name, Function.identity()));

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
            RecordComponent[] components = provider.settingsType().getRecordComponents();
            assertThat(components).as(provider.name()).isNotEmpty();
            assertThat(Arrays.stream(components).filter(component -> component.getAnnotation(Setting.class) == null))
                    .as(provider.name()).isEmpty();
        }
    }

    @Test
    void tlsDoesNotDeclareTheUserNameSettingTheSecurityConfigurationOwns() {
        assertThat(Arrays.stream(TlsListenerProvider.Settings.class.getRecordComponents())
                .map(RecordComponent::getName)).doesNotContain("useIdentityAsUsername");
    }
}
