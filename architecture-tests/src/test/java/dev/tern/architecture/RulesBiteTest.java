package dev.tern.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.archfixture.EngineReachingAdapter;
import dev.tern.bootstrap.archfixture.AdapterNamingBootstrap;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tern.domain.archfixture.ClockInjectedDomainValue;
import dev.tern.domain.archfixture.ClockReadingDomainValue;
import dev.tern.domain.archfixture.LoggingDomainValue;
import dev.tern.domain.archfixture.SessionId;
import dev.tern.domain.archfixture.SleepingDomainValue;
import dev.tern.domain.archfixture.ThreadStartingDomainValue;
import dev.tern.domain.archfixture.YamlReadingDomainValue;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules can fail: each is run over deliberately broken classes that live in the test
 * sources under {@code dev.tern.domain.archfixture} (so the production import never sees them).
 */
class RulesBiteTest {

    @Test
    void domainRuleRejectsALoggingDomainClass() {
        JavaClasses fixture = new ClassFileImporter().importClasses(LoggingDomainValue.class);

        assertThatThrownBy(() -> LayerRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.slf4j.Logger");
    }

    @Test
    void clockRuleRejectsADomainClassReadingTheSystemClock() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ClockReadingDomainValue.class);

        assertThatThrownBy(() -> CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("System.currentTimeMillis()");
    }

    @Test
    void clockRuleRejectsADomainClassThatSleeps() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SleepingDomainValue.class);

        assertThatThrownBy(() -> CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thread.sleep(long)");
    }

    @Test
    void clockRuleRejectsADomainClassThatMakesItsOwnThreads() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ThreadStartingDomainValue.class);

        assertThatThrownBy(() -> CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thread.<init>(java.lang.Runnable)")
                .hasMessageContaining("Executors.newSingleThreadExecutor()");
    }

    @Test
    void clockRuleAcceptsTimeReadFromAnInjectedClock() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ClockInjectedDomainValue.class);

        assertThat(CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.evaluate(fixture).hasViolation())
                .isFalse();
    }

    @Test
    void identifierRuleRejectsAnIdentifierThatIsNotARecord() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SessionId.class);

        assertThatThrownBy(() -> CoreHygieneRules.IDENTIFIERS_ARE_RECORDS.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(SessionId.class.getName());
    }

    @Test
    void stableApiRuleRejectsAnAdapterUsingTheEngine() {
        JavaClasses fixture = new ClassFileImporter().importClasses(EngineReachingAdapter.class);

        assertThatThrownBy(() -> LayerRules.ADAPTERS_AND_TESTKIT_USE_ONLY_THE_STABLE_API.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(EngineReachingAdapter.class.getName());
    }

    @Test
    void bootstrapRuleRejectsBootstrapNamingAnAdapter() {
        JavaClasses fixture = new ClassFileImporter().importClasses(AdapterNamingBootstrap.class);

        assertThatThrownBy(() -> LayerRules.BOOTSTRAP_NAMES_NO_ADAPTER.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AdapterNamingBootstrap.class.getName());
    }

    @Test
    void confinementRuleRejectsALibraryUsedOutsideItsPackage() {
        JavaClasses fixture = new ClassFileImporter().importClasses(YamlReadingDomainValue.class);

        assertThatThrownBy(() -> LibraryConfinementRules.YAML_ONLY_IN_CONFIGURATION_LOADING.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.jackson.dataformat.yaml.YAMLMapper");
    }

    @Test
    void ruleOverAnEmptyPackageFailsInsteadOfPassing() {
        JavaClasses noDomainClasses = new ClassFileImporter().importClasses(String.class);

        assertThatThrownBy(() -> LayerRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(noDomainClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
