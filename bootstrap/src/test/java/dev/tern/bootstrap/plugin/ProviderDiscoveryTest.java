package dev.tern.bootstrap.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void findsTheBuiltInProvidersOnTheClassPath() {
        Providers found = ProviderDiscovery.onClassPath();

        assertThat(Providers.names(found.storage())).contains("memory", "h2", "redis");
        assertThat(Providers.names(found.listeners())).contains("tcp", "tls", "websocket", "wss");
        assertThat(Providers.names(found.authenticators())).contains("file");
        assertThat(Providers.names(found.authorizers())).containsExactly("acl");
    }

    @Test
    void anEmptyPluginsDirectoryAddsNothing() {
        assertThat(names(ProviderDiscovery.discover(dir))).isEqualTo(names(ProviderDiscovery.onClassPath()));
    }

    @Test
    void aMissingPluginsDirectoryAddsNothing() {
        assertThat(names(ProviderDiscovery.discover(dir.resolve("nowhere"))))
                .isEqualTo(names(ProviderDiscovery.onClassPath()));
    }

    @Test
    void filesThatAreNotJarsAreIgnored() throws IOException {
        Files.writeString(dir.resolve("README.txt"), "not a plug-in");

        assertThat(names(ProviderDiscovery.discover(dir))).isEqualTo(names(ProviderDiscovery.onClassPath()));
    }

    @Test
    void aJarThatIsNotAZipStopsNamingTheJar() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");

        assertThatThrownBy(() -> ProviderDiscovery.discover(dir))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("plug-in " + broken + " is not a readable jar");
    }

    @Test
    void twoProvidersOfOneKindAndNameAreRefused() {
        Providers classPath = ProviderDiscovery.onClassPath();

        assertThatThrownBy(() -> classPath.plus(classPath))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("two storage providers are named memory");
    }

    private static List<List<String>> names(Providers providers) {
        return List.of(providers.storage(), providers.listeners(), providers.authenticators(),
                providers.authorizers(), providers.eventListeners()).stream()
                .map(kind -> kind.stream().map(Provider::name).toList()).toList();
    }
}
