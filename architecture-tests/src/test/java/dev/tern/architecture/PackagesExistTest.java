package dev.tern.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards against rules that pass because they look at nothing: a rule over a misspelt or moved
 * package is satisfied by zero classes.
 */
class PackagesExistTest {

    private static final Logger LOG = LoggerFactory.getLogger(PackagesExistTest.class);

    @Test
    void everyBuiltPackageHoldsProductionClasses() {
        assertThat(TernPackages.BUILT)
                .allSatisfy(pkg -> assertThat(classesIn(pkg)).as("classes in %s", pkg).isNotEmpty());
    }

    @Test
    void reportsPackagesThatAreNotBuiltYet() {
        for (String pkg : TernPackages.NOT_YET_BUILT) {
            int count = classesIn(pkg).size();
            if (count == 0) {
                LOG.info("{} is not built yet: rules over it may select no class", pkg);
            } else {
                LOG.warn("{} now holds {} classes: move it to TernPackages.BUILT", pkg, count);
            }
        }
        assertThat(TernPackages.NOT_YET_BUILT).doesNotContainAnyElementsOf(TernPackages.BUILT);
    }

    @Test
    void productionImportLeavesOutTheTestFixtures() {
        assertThat(classesIn("dev.tern.domain.archfixture..")).isEmpty();
        assertThat(classesIn("dev.tern.architecture..")).isEmpty();
    }

    private static List<JavaClass> classesIn(String packageIdentifier) {
        return ProductionClasses.all().stream().filter(resideInAPackage(packageIdentifier)).toList();
    }
}
