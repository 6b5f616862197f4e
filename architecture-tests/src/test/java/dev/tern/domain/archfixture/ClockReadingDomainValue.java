package dev.tern.domain.archfixture;

/** Deliberately broken: a domain class that reads the system clock. Only RulesBiteTest imports it. */
public final class ClockReadingDomainValue {

    public long age(long createdAtMillis) {
        return System.currentTimeMillis() - createdAtMillis;
    }
}
