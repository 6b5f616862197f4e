package dev.tern.bootstrap.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password file: one user per line,
 * <pre>
 * USERNAME:$pbkdf2-sha512$ITERATIONS$SALT$HASH[:$scram-sha-256$ITERATIONS$SALT$STOREDKEY$SERVERKEY]
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. {@code tern passwd} writes it.
 *
 * <p>Threading: stateless.
 */
public final class PasswordFile {

    private PasswordFile() {
    }

    /** @throws IllegalArgumentException naming the first broken line */
    public static Map<String, PasswordEntry> parse(List<String> lines) {
        Map<String, PasswordEntry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                PasswordEntry entry = parseLine(line);
                if (users.put(entry.username(), entry) != null) {
                    throw new IllegalArgumentException("user " + entry.username() + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(users);
    }

    public static Map<String, PasswordEntry> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<String> format(Collection<PasswordEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (PasswordEntry entry : entries) {
            String line = entry.username() + ":" + entry.password().encode();
            if (entry.scram() != null) {
                line += ":" + entry.scram().encode();
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Replaces the file in one step (a reader never sees half a file), readable by its owner only
     * where the file system has POSIX permissions.
     */
    public static void write(Path file, Collection<PasswordEntry> entries) throws IOException {
        replaceOwnerOnly(file, format(entries), ".tern-passwd");
    }

    /**
     * Replaces {@code file} with {@code lines} in one step through a temporary file named with
     * {@code prefix}, readable by its owner only where the file system has POSIX permissions.
     */
    static void replaceOwnerOnly(Path file, List<String> lines, String prefix) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), prefix, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own access control applies.
            }
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static PasswordEntry parseLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected USERNAME:HASH");
        }
        String username = line.substring(0, colon);
        String rest = line.substring(colon + 1);
        int scramStart = rest.indexOf(":" + ScramCredential.PREFIX);
        if (scramStart < 0) {
            return new PasswordEntry(username, Pbkdf2Hash.decode(rest), null);
        }
        return new PasswordEntry(username, Pbkdf2Hash.decode(rest.substring(0, scramStart)),
                ScramCredential.decode(rest.substring(scramStart + 1)));
    }
}
