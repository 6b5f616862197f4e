package dev.tern.architecture;

import org.junit.jupiter.api.Test;

class LibraryConfinementRulesTest {

    @Test
    void nettyIsUsedOnlyInTheTcpAdapter() {
        LibraryConfinementRules.NETTY_ONLY_IN_THE_TCP_ADAPTER.check(ProductionClasses.all());
    }

    @Test
    void undertowIsUsedOnlyInTheWebSocketAndAdminAdapters() {
        LibraryConfinementRules.UNDERTOW_ONLY_IN_THE_HTTP_ADAPTERS.check(ProductionClasses.all());
    }

    @Test
    void micrometerIsUsedOnlyInThePrometheusAdapter() {
        LibraryConfinementRules.MICROMETER_ONLY_IN_THE_PROMETHEUS_ADAPTER.check(ProductionClasses.all());
    }

    @Test
    void jdbiAndH2AreUsedOnlyInTheH2Adapter() {
        LibraryConfinementRules.JDBI_AND_H2_ONLY_IN_THE_H2_ADAPTER.check(ProductionClasses.all());
    }

    @Test
    void redissonIsUsedOnlyInTheRedisAdapter() {
        LibraryConfinementRules.REDISSON_ONLY_IN_THE_REDIS_ADAPTER.check(ProductionClasses.all());
    }

    @Test
    void daggerIsUsedOnlyInBootstrap() {
        LibraryConfinementRules.DAGGER_ONLY_IN_BOOTSTRAP.check(ProductionClasses.all());
    }

    @Test
    void yamlIsReadOnlyByConfigurationLoading() {
        LibraryConfinementRules.YAML_ONLY_IN_CONFIGURATION_LOADING.check(ProductionClasses.all());
    }

    @Test
    void logbackIsUsedOnlyInBootstrap() {
        LibraryConfinementRules.LOGBACK_ONLY_IN_BOOTSTRAP.check(ProductionClasses.all());
    }
}
