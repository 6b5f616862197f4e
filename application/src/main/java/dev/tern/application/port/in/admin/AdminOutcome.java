package dev.tern.application.port.in.admin;

/** How an administrative action ended, as a value the caller maps to its own protocol. */
public sealed interface AdminOutcome {

    String message();

    /** It was done. */
    record Done(String message) implements AdminOutcome {
    }

    /** The client or topic it names does not exist. */
    record NotFound(String message) implements AdminOutcome {
    }

    /** The input is wrong; {@code field} names which part. */
    record Rejected(String field, String message) implements AdminOutcome {
    }

    /** The broker refused, the input being well-formed: the authorizer said no, say. */
    record Refused(String message) implements AdminOutcome {
    }
}
