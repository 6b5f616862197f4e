package dev.tern.architecture;

import java.util.List;

/**
 * The package identifiers the rules talk about, in ArchUnit's {@code ..} syntax.
 *
 * <p>Every identifier is in exactly one of two lists. {@link #BUILT} packages must hold classes
 * today, and {@link PackagesExistTest} fails if one does not: a misspelt or moved package would
 * otherwise turn its rules into rules that check nothing. {@link #NOT_YET_BUILT} packages belong
 * to later issues; rules whose subject is one of them are allowed to select no class (see
 * {@link #allowsEmpty(String)}), and {@link PackagesExistTest} reports their state. When such a
 * package gets its first class, move it to {@link #BUILT}.
 */
final class TernPackages {

    static final String ROOT = "dev.tern..";
    static final String DOMAIN = "dev.tern.domain..";
    static final String APPLICATION = "dev.tern.application..";
    static final String PROTOCOL = "dev.tern.application.protocol..";
    static final String PACKETS = "dev.tern.application.protocol.packet";
    static final String PORTS = "dev.tern.application.port..";
    static final String CODEC = "dev.tern.application.protocol.codec..";
    static final String ADAPTERS = "dev.tern.adapters..";
    static final String TCP = "dev.tern.adapters.tcp..";
    static final String WEBSOCKET = "dev.tern.adapters.websocket..";
    static final String STORAGE_H2 = "dev.tern.adapters.storage.h2..";
    static final String STORAGE_REDIS = "dev.tern.adapters.storage.redis..";
    static final String METRICS_PROMETHEUS = "dev.tern.adapters.metrics.prometheus..";
    static final String ADMIN_HTTP = "dev.tern.adapters.admin.http..";
    static final String BOOTSTRAP = "dev.tern.bootstrap..";
    static final String BOOTSTRAP_CONFIG = "dev.tern.bootstrap.config..";
    static final String PLUGIN_API = "dev.tern.application.port.plugin..";
    static final String TESTKIT = "dev.tern.testkit..";

    static final List<String> ADAPTER_MODULES = List.of(TCP, WEBSOCKET, STORAGE_H2, STORAGE_REDIS,
            METRICS_PROMETHEUS, ADMIN_HTTP);

    static final List<String> BUILT = List.of(
            DOMAIN, APPLICATION, PROTOCOL, PACKETS, PORTS, CODEC, ADAPTERS, TCP, WEBSOCKET, STORAGE_H2, STORAGE_REDIS,
            METRICS_PROMETHEUS, ADMIN_HTTP, BOOTSTRAP, BOOTSTRAP_CONFIG, PLUGIN_API, TESTKIT);

    /** Packages of modules still to be built; their rules must not fail merely for finding nothing. */
    static final List<String> NOT_YET_BUILT = List.of();

    private TernPackages() {
    }

    /** Whether a rule whose subject is {@code packageIdentifier} may select no class. */
    static boolean allowsEmpty(String packageIdentifier) {
        if (!BUILT.contains(packageIdentifier) && !NOT_YET_BUILT.contains(packageIdentifier)) {
            throw new IllegalArgumentException("not a listed package: " + packageIdentifier);
        }
        return NOT_YET_BUILT.contains(packageIdentifier);
    }
}
