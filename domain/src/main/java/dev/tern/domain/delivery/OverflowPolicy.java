package dev.tern.domain.delivery;

/** What a full session queue does with one more message. */
public enum OverflowPolicy {
    /** Drop the oldest queued message to make room for the new one. */
    DROP_OLDEST,
    /** Keep the queue as it is and drop the new message. */
    REFUSE_NEWEST
}
