package dev.tern.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.tern.architecture.TernPackages.APPLICATION;
import static dev.tern.architecture.TernPackages.DOMAIN;
import static dev.tern.architecture.TernPackages.PACKETS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import dev.tern.application.protocol.packet.MqttPacket;
import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * Keeps the core deterministic and its values plain: time and threads arrive as dependencies
 * (a {@link Clock}, a scheduler port), and identifiers and packets are records.
 */
final class CoreHygieneRules {

    /**
     * Any {@code now(..)} on a java.time type that is not handed a Clock reads the system clock,
     * as do the system-time methods of {@link System} and the {@code Clock.system*} factories.
     */
    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
            DescribedPredicate.describe("reads the system clock", CoreHygieneRules::readsTheSystemClock);

    private static final DescribedPredicate<JavaMethodCall> SLEEPS = DescribedPredicate.describe(
            "sleeps", call -> calls(call, Thread.class) && call.getName().equals("sleep"));

    static final ArchRule CORE_TAKES_TIME_AND_THREADS_AS_DEPENDENCIES = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
            .orShould().callMethodWhere(SLEEPS)
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class)
            .because("time and threads are dependencies (a Clock, a Scheduler port), so the core"
                    + " runs deterministically in tests");

    static final ArchRule PACKETS_ARE_RECORDS = classes()
            .that().resideInAPackage(PACKETS).and().implement(MqttPacket.class)
            .should().beRecords()
            .because("packets are immutable values, validated when built");

    /** An enum is accepted for a closed set of identifiers, such as MQTT 5 property ids. */
    static final ArchRule IDENTIFIERS_ARE_RECORDS = classes()
            .that().resideInAnyPackage(DOMAIN, APPLICATION).and().haveSimpleNameEndingWith("Id")
            .should().beRecords().orShould().beEnums()
            .because("identifiers are values with equality by content");

    private CoreHygieneRules() {
    }

    private static boolean readsTheSystemClock(JavaMethodCall call) {
        String name = call.getName();
        if (call.getTargetOwner().getPackageName().equals("java.time") && name.equals("now")) {
            return call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
        }
        return calls(call, System.class) && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                || calls(call, Clock.class) && name.startsWith("system");
    }

    private static boolean calls(JavaMethodCall call, Class<?> owner) {
        return call.getTargetOwner().isEquivalentTo(owner);
    }
}
