package dev.tern.application.config;

/** What the retained store does with a message that would take it past its limits. */
public enum RetainedOverflow {
    /** Keep the store as it is and refuse the PUBLISH (MQTT 5: 0x97 Quota exceeded). */
    REFUSE,
    /** Make room by deleting the retained messages set longest ago. */
    DROP_OLDEST
}
