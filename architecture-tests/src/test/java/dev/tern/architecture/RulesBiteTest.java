package dev.tern.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tern.domain.archfixture.ClockInjectedDomainValue;
import dev.tern.domain.archfixture.ClockReadingDomainValue;
import dev.tern.domain.archfixture.LoggingDomainValue;
import dev.tern.domain.archfixture.SleepingDomainValue;
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
    void clockRuleAcceptsTimeReadFromAnInjectedClock() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ClockInjectedDomainValue.class);

        assertThat(CoreHygieneRules.CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES.evaluate(fixture).hasViolation())
                .isFalse();
    }

    @Test
    void ruleOverAnEmptyPackageFailsInsteadOfPassing() {
        JavaClasses noDomainClasses = new ClassFileImporter().importClasses(String.class);

        assertThatThrownBy(() -> LayerRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(noDomainClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
