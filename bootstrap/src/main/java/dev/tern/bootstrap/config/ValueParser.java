package dev.tern.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the text of one setting into its typed value. A parser throws
 * {@link IllegalArgumentException} with a message that completes the sentence
 * {@code key: "text" ...}, such as {@code is not a number}; the caller adds key and source.
 */
@FunctionalInterface
public interface ValueParser<T> {

    T parse(String text);

    static ValueParser<String> text() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
            return text;
        };
    }

    static ValueParser<Boolean> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("is not true or false");
        };
    }

    static ValueParser<Integer> integer(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("is out of range " + min + ".." + max);
            }
            return value;
        };
    }

    static ValueParser<Long> longInteger(long min, long max) {
        return text -> {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("is out of range " + min + ".." + max);
            }
            return value;
        };
    }

    /** Text, or {@code none} for no value. */
    static ValueParser<Optional<String>> optionalText() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be blank (write none for no value)");
            }
            return "none".equals(text.strip()) ? Optional.empty() : Optional.of(text.strip());
        };
    }

    /** Whole seconds, written as a plain number. */
    static ValueParser<Duration> seconds(int min, int max) {
        ValueParser<Integer> count = integer(min, max);
        return text -> Duration.ofSeconds(count.parse(text));
    }

    static <E extends Enum<E> & ConfigChoice> ValueParser<E> choice(Class<E> type) {
        E[] constants = type.getEnumConstants();
        return text -> Arrays.stream(constants)
                .filter(constant -> constant.configName().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("is not one of "
                        + Arrays.stream(constants).map(ConfigChoice::configName).collect(Collectors.joining(", "))));
    }

    static ValueParser<URI> uri(Set<String> schemes) {
        return text -> {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL");
            }
            if (!schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("is not a URL of the form "
                        + schemes.stream().sorted().map(scheme -> scheme + "://host[:port]")
                        .collect(Collectors.joining(" or ")));
            }
            return uri;
        };
    }

    /** A file path, or {@code none} for no file. */
    static ValueParser<Optional<java.nio.file.Path>> optionalPath() {
        ValueParser<Optional<String>> text = optionalText();
        return value -> {
            try {
                return text.parse(value).map(java.nio.file.Path::of);
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("is not a file path");
            }
        };
    }

    /** Comma-separated words; {@code default} for an empty list (the library's defaults). */
    static ValueParser<java.util.List<String>> words() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must not be blank (write default for the defaults)");
            }
            if ("default".equals(text.strip())) {
                return java.util.List.of();
            }
            return Arrays.stream(text.split(",")).map(String::strip).filter(word -> !word.isEmpty()).toList();
        };
    }

    /** Comma-separated entries, stripped; empty text is the empty list. */
    static ValueParser<List<String>> commaSeparated() {
        return text -> Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** An absolute HTTP path such as {@code /mqtt}. */
    static ValueParser<String> httpPath() {
        return text -> {
            String path = text.strip();
            if (!path.startsWith("/") || path.contains(" ") || path.contains("?")) {
                throw new IllegalArgumentException("is not an HTTP path starting with /");
            }
            return path;
        };
    }
}
