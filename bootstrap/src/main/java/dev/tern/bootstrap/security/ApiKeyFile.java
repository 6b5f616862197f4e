package dev.tern.bootstrap.security;

import dev.tern.application.port.out.ApiKeyVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API keys: one line per key, {@code NAME:sha256:HASH:CREATED}, where HASH is the
 * unpadded Base64url SHA-256 of the key. The key itself is never stored.
 *
 * <p>Why SHA-256 and not PBKDF2 as for passwords: a key is 32 random bytes from {@link SecureRandom}
 * (256 bits of entropy), so there is no dictionary to try and a brute-force search of the hash is
 * hopeless however fast the hash; slow hashing only protects guessable secrets, and would cost
 * every request tens of milliseconds. Presented keys are compared with every entry in constant time.
 *
 * <p>As a verifier it re-reads the file when its modification time or size changes, so keys
 * created or revoked with {@code tern apikey} apply to the next request. A missing file means no
 * valid key.
 *
 * <p>Threading: thread-safe.
 */
public final class ApiKeyFile implements ApiKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFile.class);
    static final String PREFIX = "tern_";
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** One key: its name, the SHA-256 of the key, when it was created. */
    public record Entry(String name, byte[] hash, Instant created) {
    }

    private final Path file;
    private List<Entry> entries = List.of();
    private FileTime modified;
    private long size = -1;

    public ApiKeyFile(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> verify(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presentedKey);
        String match = null;
        for (Entry entry : current()) {
            // No early exit: the time taken does not say which entry matched.
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    private synchronized List<Entry> current() {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            long length = Files.size(file);
            if (!time.equals(modified) || length != size) {
                entries = List.copyOf(read(file).values());
                modified = time;
                size = length;
            }
        } catch (NoSuchFileException e) {
            entries = List.of();
            modified = null;
            size = -1;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the API key file {}: {}; keeping the keys read before", file, e.getMessage());
        }
        return entries;
    }

    /** A new key: the prefix {@code tern_} and 32 random bytes, Base64url. */
    static String newKey(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static boolean validName(String name) {
        return name.matches(NAME_PATTERN);
    }

    /** @throws IllegalArgumentException naming the line that does not parse */
    public static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 4);
            if (parts.length != 4 || !validName(parts[0]) || !parts[1].equals("sha256")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not NAME:sha256:HASH:CREATED");
            }
            try {
                keys.put(parts[0], new Entry(parts[0], Base64.getUrlDecoder().decode(parts[2]), Instant.parse(parts[3])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** Replaces the file in one step, readable by its owner only where the file system allows. */
    public static void write(Path file, Collection<Entry> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Tern admin API keys (tern apikey): NAME:sha256:HASH:CREATED; the keys themselves are not kept");
        for (Entry entry : entries) {
            lines.add(entry.name() + ":sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(entry.hash())
                    + ":" + entry.created());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        PasswordFile.replaceOwnerOnly(file, lines, ".tern-apikeys");
    }
}
