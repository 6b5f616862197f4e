package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.Setting;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageTest {

    record Extra(@Setting(defaultValue = "42", description = "the answer of the extra backend") int answerSize) {
    }

    @Test
    void listsEveryKeyOfEveryProviderWithItsDefault() {
        Providers providers = TestProviders.withStorage("extra", Extra.class);
        Map<String, ListenerProvider<?>> kinds = new LinkedHashMap<>();
        providers.listeners().forEach(provider -> kinds.put(provider.name(), provider));

        String usage = Usage.text(providers);

        assertThat(new ConfigSchema(providers, kinds).specs().values()).hasSizeGreaterThan(50).allSatisfy(spec ->
                assertThat(usage).contains("  " + spec.key() + " ").contains("[" + spec.defaultValue() + "]"));
        assertThat(usage).containsPattern("storage\\.extra\\.answer-size +\\[42\\]\\n +the answer of the extra backend");
        assertThat(usage).contains("security.file.password-file", "security.acl.file", "listeners.wss.cert-file",
                "storage.redis.redisson-config", "listeners.tls.enabled", "plugins.dir");
    }

    @Test
    void explainsTheSourcesAndHowToDeclareASecondListener() {
        String usage = Usage.text(ProviderDiscovery.onClassPath());

        assertThat(usage).contains("--config FILE", "--set KEY=VALUE", "--help", "TERN_LISTENERS_TCP_PORT",
                "listeners.NAME.type=KIND");
        assertThat(usage).doesNotContain("storage.extra");
    }
}
