package dev.tern.application.service;

/** How one member of a shared subscription group is chosen for each message (4.8.2). */
public enum SharedSubscriptionStrategy {
    /** Each member in turn. */
    ROUND_ROBIN,
    /** A member chosen at random. */
    RANDOM,
    /** The same member for as long as it stays in the group and online. */
    STICKY
}
