package dev.tern.bootstrap.security;

import dev.tern.application.port.in.admin.FileReload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration file held in memory as its parsed value, re-read when it changes. A file that
 * fails to read or parse on reload keeps the last good value in force and is reported once per
 * change, so an operator's typo never locks everyone out or lets everyone in.
 *
 * <p>Threading: {@link #current()} from any thread (a volatile read); {@link #reloadIfChanged()}
 * and {@link #reload()} are synchronized and run on the watcher's thread or the signal thread.
 */
public final class ReloadingFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingFile.class);

    private final Path path;
    private final String kind;
    private final Function<List<String>, T> parser;
    private volatile T current;
    private Stamp loaded;

    /**
     * Reads the file now.
     *
     * @param kind   what the file is, for messages ("password file")
     * @param parser throws {@link IllegalArgumentException} naming the broken line
     * @throws UncheckedIOException when the file cannot be read or parsed: a broker must not start
     *     without the security its configuration asks for
     */
    public ReloadingFile(Path path, String kind, Function<List<String>, T> parser) {
        this.path = Objects.requireNonNull(path, "path");
        this.kind = kind;
        this.parser = parser;
        try {
            Stamp stamp = Stamp.of(path);
            current = parse();
            loaded = stamp;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + kind + " " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("Broken " + kind + " " + path + ": " + e.getMessage(), e));
        }
    }

    public T current() {
        return current;
    }

    public Path path() {
        return path;
    }

    /** Re-reads the file when its modification time or size differ from the last read. */
    public synchronized void reloadIfChanged() {
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (IOException e) {
            stamp = Stamp.MISSING;
        }
        if (!stamp.equals(loaded)) {
            loaded = stamp;
            load();
        }
    }

    /** Re-reads the file unconditionally (SIGHUP, the admin API), saying whether it could be used. */
    public synchronized FileReload reload() {
        try {
            loaded = Stamp.of(path);
        } catch (IOException e) {
            loaded = Stamp.MISSING;
        }
        return new FileReload(kind, path.toString(), load());
    }

    /** Null when the file was loaded; otherwise why the previous content stays. */
    private String load() {
        try {
            current = parse();
            LOG.info("Reloaded {} {}", kind, path);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Keeping the previous {}: cannot use {}: {}", kind, path, e.getMessage());
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }

    private T parse() throws IOException {
        return parser.apply(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /** Modification time and size: a rewrite within the file system's time granularity still changes one of them, usually. */
    private record Stamp(long modifiedMillis, long size, Object fileKey) {

        static final Stamp MISSING = new Stamp(-1, -1, null);

        static Stamp of(Path path) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
        }
    }
}
