package dev.tern.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.tern.application.port.StableApi;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.tern.architecture.TernPackages.ADAPTERS;
import static dev.tern.architecture.TernPackages.ADAPTER_MODULES;
import static dev.tern.architecture.TernPackages.APPLICATION;
import static dev.tern.architecture.TernPackages.BOOTSTRAP;
import static dev.tern.architecture.TernPackages.TESTKIT;
import static dev.tern.architecture.TernPackages.CODEC;
import static dev.tern.architecture.TernPackages.DOMAIN;
import static dev.tern.architecture.TernPackages.PROTOCOL;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The floors of ARCHITECTURE.md section 1 as allow-lists: a layer names what it may use, so a
 * new library sneaking in fails the build without anyone having to foresee it.
 */
final class LayerRules {

    private static final DescribedPredicate<JavaClass> INTERNAL = new DescribedPredicate<>(
            "a package not marked @StableApi") {
        @Override
        public boolean test(JavaClass javaClass) {
            return !javaClass.getPackage().isAnnotatedWith(StableApi.class);
        }
    };

    /** Plain Java: the JDK and nothing else [ARCHITECTURE 1]. */
    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is plain Java with no dependency but the JDK");

    /** The JDK's own logging is still logging, which the domain does not do. */
    static final ArchRule DOMAIN_DOES_NOT_LOG = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat(resideInAPackage("java.util.logging..")
                    .or(assignableTo(System.Logger.class)))
            .because("the domain reports through return values, not logs");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_SLF4J = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, "org.slf4j..", APPLICATION)
            .because("the application is the domain plus the engine, with slf4j at most");

    /** The codec is sans-IO and stays free of services, ports and logging. */
    static final ArchRule CODEC_DEPENDS_ONLY_ON_THE_JDK_AND_THE_PACKET_MODEL = classes()
            .that().resideInAPackage(CODEC)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, PROTOCOL)
            .allowEmptyShould(TernPackages.allowsEmpty(CODEC))
            .because("the codec turns bytes into packets and back, nothing more");

    static final ArchRule CORE_DOES_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .because("dependencies point inwards: adapters depend on the core, never back");

    static final ArchRule NOTHING_OUTSIDE_BOOTSTRAP_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the outermost floor that wires everything else");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
            CompositeArchRule.of(ADAPTER_MODULES.stream().map(LayerRules::adapterIsolated).toList())
                    .as("adapters never depend on each other");

    /**
     * Bootstrap finds every adapter through its provider: adding a backend or a transport touches
     * no file outside its own module.
     */
    static final ArchRule BOOTSTRAP_NAMES_NO_ADAPTER = noClasses()
            .that().resideInAPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .because("adapters are found through ServiceLoader providers, never named by bootstrap");

    /**
     * Adapters, like outside plug-ins, see only the stable API: the domain and the packages marked
     * {@link StableApi}; the engine's internals may change under them.
     */
    static final ArchRule ADAPTERS_AND_TESTKIT_USE_ONLY_THE_STABLE_API = noClasses()
            .that().resideInAnyPackage(ADAPTERS, TESTKIT)
            .should().dependOnClassesThat(resideInAPackage(APPLICATION).and(INTERNAL))
            .because("plug-ins may rely on the domain and the @StableApi ports only");

    /** One slice per package: {@code (**)} captures the whole package name below dev.tern. */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("dev.tern.(**)")
            .should().beFreeOfCycles();

    private LayerRules() {
    }

    private static ArchRule adapterIsolated(String adapter) {
        List<String> others = ADAPTER_MODULES.stream().filter(other -> !other.equals(adapter)).toList();
        return noClasses()
                .that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .allowEmptyShould(TernPackages.allowsEmpty(adapter))
                .because("each adapter depends on the application and its own library only");
    }
}
