package dev.tern.domain.archfixture;

import java.time.Clock;
import java.time.Instant;

/** Correct on purpose: time read from an injected Clock, which the rules must accept. */
public final class ClockInjectedDomainValue {

    private final Clock clock;

    public ClockInjectedDomainValue(Clock clock) {
        this.clock = clock;
    }

    public Instant stamp() {
        return Instant.now(clock);
    }
}
