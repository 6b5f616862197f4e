package dev.tern.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.tern.architecture.TernPackages.ADMIN_HTTP;
import static dev.tern.architecture.TernPackages.BOOTSTRAP;
import static dev.tern.architecture.TernPackages.BOOTSTRAP_CONFIG;
import static dev.tern.architecture.TernPackages.METRICS_PROMETHEUS;
import static dev.tern.architecture.TernPackages.STORAGE_H2;
import static dev.tern.architecture.TernPackages.STORAGE_REDIS;
import static dev.tern.architecture.TernPackages.TCP;
import static dev.tern.architecture.TernPackages.WEBSOCKET;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Each framework lives in the one package that adapts it [ARCHITECTURE 1]. The subjects are the
 * classes outside the owning package, so these rules always check something, even while the
 * owning module is still empty.
 */
final class LibraryConfinementRules {

    /** Bootstrap wires the TCP adapter through its entry point, never through Netty types. */
    static final ArchRule NETTY_ONLY_IN_THE_TCP_ADAPTER =
            confined("Netty", TCP, "io.netty..");

    /** Two modules serve HTTP with it: the WebSocket listeners and the admin listener. */
    static final ArchRule UNDERTOW_ONLY_IN_THE_HTTP_ADAPTERS =
            confined("Undertow and XNIO", new String[] {WEBSOCKET, ADMIN_HTTP}, "io.undertow..", "org.xnio..");

    /** The engine counts through the metrics port; only the Prometheus adapter knows the library. */
    static final ArchRule MICROMETER_ONLY_IN_THE_PROMETHEUS_ADAPTER =
            confined("Micrometer and the Prometheus client", METRICS_PROMETHEUS, "io.micrometer..", "io.prometheus..");

    static final ArchRule JDBI_AND_H2_ONLY_IN_THE_H2_ADAPTER =
            confined("Jdbi, H2 and HikariCP", STORAGE_H2, "org.jdbi..", "org.h2..", "com.zaxxer..");

    static final ArchRule REDISSON_ONLY_IN_THE_REDIS_ADAPTER =
            confined("Redisson", STORAGE_REDIS, "org.redisson..");

    static final ArchRule DAGGER_ONLY_IN_BOOTSTRAP =
            confined("Dagger and JSR-330", BOOTSTRAP, "dagger..", "javax.inject..", "jakarta.inject..");

    static final ArchRule YAML_ONLY_IN_CONFIGURATION_LOADING =
            confined("Jackson and SnakeYAML", BOOTSTRAP_CONFIG, "com.fasterxml.jackson..", "org.yaml..");

    /** Everything else logs through the slf4j API; only bootstrap may touch the backend. */
    static final ArchRule LOGBACK_ONLY_IN_BOOTSTRAP =
            confined("Logback", BOOTSTRAP, "ch.qos.logback..");

    private LibraryConfinementRules() {
    }

    private static ArchRule confined(String library, String owner, String... libraryPackages) {
        return confined(library, new String[] {owner}, libraryPackages);
    }

    private static ArchRule confined(String library, String[] owners, String... libraryPackages) {
        return noClasses()
                .that().resideOutsideOfPackages(owners)
                .should().dependOnClassesThat().resideInAnyPackage(libraryPackages)
                .as(library + " is used only in " + String.join(" and ", owners));
    }
}
