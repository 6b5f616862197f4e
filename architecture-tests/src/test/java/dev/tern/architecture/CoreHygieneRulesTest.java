package dev.tern.architecture;

import org.junit.jupiter.api.Test;

class CoreHygieneRulesTest {

    @Test
    void coreTakesTimeAndThreadsAsDependencies() {
        CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.check(ProductionClasses.all());
    }

    @Test
    void packetsAreRecords() {
        CoreHygieneRules.PACKETS_ARE_RECORDS.check(ProductionClasses.all());
    }

    @Test
    void identifiersAreRecords() {
        CoreHygieneRules.IDENTIFIERS_ARE_RECORDS.check(ProductionClasses.all());
    }
}
