package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The text of a setting and where it came from, so that an error can name its source.
 *
 * @param source completes the phrase "(from ...)", such as {@code --set}
 */
record SourcedValue(String text, String source) {

    static final String DEFAULT = "built-in default";

    SourcedValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
