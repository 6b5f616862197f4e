package dev.tern.domain.archfixture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deliberately broken: a domain class that logs through slf4j. Only RulesBiteTest imports it. */
public final class LoggingDomainValue {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDomainValue.class);

    public void touch() {
        LOG.info("the domain must not log");
    }
}
