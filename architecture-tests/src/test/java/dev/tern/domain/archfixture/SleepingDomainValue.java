package dev.tern.domain.archfixture;

/** Deliberately broken: a domain class that sleeps. Only RulesBiteTest imports it. */
public final class SleepingDomainValue {

    public void pause() throws InterruptedException {
        Thread.sleep(1);
    }
}
