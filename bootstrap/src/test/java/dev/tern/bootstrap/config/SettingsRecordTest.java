package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.Setting;
import dev.tern.bootstrap.plugin.PluginException;
import dev.tern.bootstrap.plugin.Providers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a provider's settings record becomes keys, parsers and a bound record. */
class SettingsRecordTest {

    enum Mode { FAST_AND_LOOSE, SAFE }

    record Tuning(
            @Setting(defaultValue = "2", min = 1, max = 8, description = "threads") int ioThreads,
            @Setting(name = "queue.depth", defaultValue = "100", min = 10, max = 1000, description = "depth") long depth,
            @Setting(defaultValue = "safe", description = "mode") Mode mode,
            @Setting(defaultValue = "30", min = 5, max = 60, description = "timeout") Duration idleTimeout,
            @Setting(defaultValue = "none", description = "file") Optional<Path> dumpFile,
            @Setting(defaultValue = "a,b", description = "tags") List<String> tags) {
    }

    record Unannotated(@Setting(defaultValue = "1", description = "ok") int fine, int bare) {
    }

    record Unsupported(@Setting(defaultValue = "1.5", description = "ratio") double ratio) {
    }

    record Picky(@Setting(defaultValue = "1", description = "low") int low,
            @Setting(defaultValue = "2", description = "high") int high) {
        Picky {
            if (low > high) {
                throw new IllegalArgumentException("low must not exceed high");
            }
        }
    }

    record Labels(@Setting(defaultValue = "", description = "may stay empty") String suffix,
            @Setting(defaultValue = "x", description = "may not be blank") String name) {
    }

    private static final Providers TUNED = TestProviders.withStorage("tuned", Tuning.class);

    @Test
    void keysAreTheComponentNamesDashedUnlessTheSettingNamesItself() {
        assertThat(new SettingsRecord<>(Tuning.class, "storage.tuned").specs()).extracting(SettingSpec::key)
                .containsExactly("storage.tuned.io-threads", "storage.tuned.queue.depth", "storage.tuned.mode",
                        "storage.tuned.idle-timeout", "storage.tuned.dump-file", "storage.tuned.tags");
        assertThat(SettingsRecord.dashed("queueQos0ForOffline")).isEqualTo("queue-qos0-for-offline");
    }

    @Test
    void bindsTheDefaultsOfAChosenProvider() {
        BrokerConfig config = Load.withSets(TUNED, "storage.backend=tuned");

        assertThat(config.storage().settings()).isEqualTo(new Tuning(2, 100, Mode.SAFE, Duration.ofSeconds(30),
                Optional.empty(), List.of("a", "b")));
    }

    @Test
    void bindsEveryKindOfValueFromItsKey() {
        BrokerConfig config = Load.withSets(TUNED, "storage.backend=tuned", "storage.tuned.io-threads=8",
                "storage.tuned.queue.depth=10", "storage.tuned.mode=fast-and-loose",
                "storage.tuned.idle-timeout=5", "storage.tuned.dump-file=/tmp/dump", "storage.tuned.tags=x, y ,");

        assertThat(config.storage().settings()).isEqualTo(new Tuning(8, 10, Mode.FAST_AND_LOOSE,
                Duration.ofSeconds(5), Optional.of(Path.of("/tmp/dump")), List.of("x", "y")));
    }

    @Test
    void numbersOutsideTheirBoundsAreRefusedWithTheRange() {
        assertThatThrownBy(() -> Load.withSets(TUNED, "storage.tuned.io-threads=9"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.tuned.io-threads: \"9\" is out of range 1..8 (from --set)");
        assertThatThrownBy(() -> Load.withSets(TUNED, "storage.tuned.queue.depth=9"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.tuned.queue.depth: \"9\" is out of range 10..1000 (from --set)");
        assertThatThrownBy(() -> Load.withSets(TUNED, "storage.tuned.idle-timeout=61"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.tuned.idle-timeout: \"61\" is out of range 5..60 (from --set)");
    }

    @Test
    void enumValuesAreWrittenInLowerCaseWithDashes() {
        assertThatThrownBy(() -> Load.withSets(TUNED, "storage.tuned.mode=FAST_AND_LOOSE"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.tuned.mode: \"FAST_AND_LOOSE\" is not one of fast-and-loose, safe (from --set)");
    }

    @Test
    void aTextSettingMayBeEmptyOnlyWhenItsDefaultIs() {
        Providers providers = TestProviders.withStorage("labels", Labels.class);

        assertThat(Load.withSets(providers, "storage.backend=labels").storage().settings())
                .isEqualTo(new Labels("", "x"));
        assertThat(Load.withSets(providers, "storage.backend=labels", "storage.labels.suffix=!").storage().settings())
                .isEqualTo(new Labels("!", "x"));
        assertThatThrownBy(() -> Load.withSets(providers, "storage.labels.name= "))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.labels.name: \" \" must not be blank (from --set)");
    }

    @Test
    void aComponentWithoutSettingIsRefusedNamingTheRecordAndComponent() {
        assertThatThrownBy(() -> Load.withSets(TestProviders.withStorage("bare", Unannotated.class)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(Unannotated.class.getName())
                .hasMessageContaining("component bare has no @Setting");
    }

    @Test
    void aComponentOfAnUnsupportedTypeIsRefusedNamingTheRecordAndComponent() {
        assertThatThrownBy(() -> Load.withSets(TestProviders.withStorage("odd", Unsupported.class)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(Unsupported.class.getName() + ".ratio")
                .hasMessageContaining("double");
    }

    @Test
    void aListenerKindsBadRecordIsRefusedLikeAnyProvidersRecord() {
        assertThatThrownBy(() -> Load.withSets(TestProviders.withListener("odd", Unsupported.class)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(Unsupported.class.getName() + ".ratio");
    }

    @Test
    void aRecordsOwnRuleIsReportedUnderItsNamespace() {
        Providers providers = TestProviders.withStorage("picky", Picky.class);

        assertThatThrownBy(() -> Load.withSets(providers, "storage.backend=picky", "storage.picky.low=3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.picky.*: low must not exceed high");
    }

    @Test
    void anUnchosenProvidersRulesAreNotChecked() {
        Providers providers = TestProviders.withStorage("picky", Picky.class);

        assertThat(Load.withSets(providers, "storage.picky.low=3").storage().name()).isEqualTo("h2");
    }
}
