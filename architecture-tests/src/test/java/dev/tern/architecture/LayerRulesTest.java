package dev.tern.architecture;

import org.junit.jupiter.api.Test;

class LayerRulesTest {

    @Test
    void domainDependsOnlyOnTheJdk() {
        LayerRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(ProductionClasses.all());
    }

    @Test
    void domainDoesNotLog() {
        LayerRules.DOMAIN_DOES_NOT_LOG.check(ProductionClasses.all());
    }

    @Test
    void applicationDependsOnlyOnDomainAndSlf4j() {
        LayerRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_SLF4J.check(ProductionClasses.all());
    }

    @Test
    void codecDependsOnlyOnTheJdkAndThePacketModel() {
        LayerRules.CODEC_DEPENDS_ONLY_ON_THE_JDK_AND_THE_PACKET_MODEL.check(ProductionClasses.all());
    }

    @Test
    void coreDoesNotDependOnAdapters() {
        LayerRules.CORE_DOES_NOT_DEPEND_ON_ADAPTERS.check(ProductionClasses.all());
    }

    @Test
    void nothingOutsideBootstrapDependsOnBootstrap() {
        LayerRules.NOTHING_OUTSIDE_BOOTSTRAP_DEPENDS_ON_BOOTSTRAP.check(ProductionClasses.all());
    }

    @Test
    void bootstrapNamesNoAdapter() {
        LayerRules.BOOTSTRAP_NAMES_NO_ADAPTER.check(ProductionClasses.all());
    }

    @Test
    void adaptersAndTestkitUseOnlyTheStableApi() {
        LayerRules.ADAPTERS_AND_TESTKIT_USE_ONLY_THE_STABLE_API.check(ProductionClasses.all());
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        LayerRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(ProductionClasses.all());
    }

    @Test
    void packagesAreFreeOfCycles() {
        LayerRules.NO_PACKAGE_CYCLES.check(ProductionClasses.all());
    }
}
