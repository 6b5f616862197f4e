package dev.tern.domain.archfixture;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Deliberately broken: a domain class that makes its own threads. Only RulesBiteTest imports it. */
public final class ThreadStartingDomainValue {

    public Thread thread(Runnable work) {
        return new Thread(work);
    }

    public ExecutorService pool() {
        return Executors.newSingleThreadExecutor();
    }
}
