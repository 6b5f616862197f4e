package dev.tern.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot be loaded; {@link #problems()} lists every reason found, each naming
 * the key and the source. Loading happens once, before anything is wired, and its only sensible
 * handler is {@code Main} printing the problems and exiting; an exception lets the record
 * constructors and the loader share one failure path without threading results through them.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
