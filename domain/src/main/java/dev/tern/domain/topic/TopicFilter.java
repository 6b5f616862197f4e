package dev.tern.domain.topic;

/** Placeholder replaced by the topic work; keeps the module compiling meanwhile. */
public record TopicFilter(String value) {
}
