package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ApiKeyCommand command = new ApiKeyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void createPrintsAKeyOnceAndStoresOnlyItsHash() throws Exception {
        Path file = dir.resolve("keys");

        assertThat(command.run(List.of("create", file.toString(), "prometheus"))).isZero();

        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith("tern_").hasSize(5 + 43);
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(key.substring(5)).contains("prometheus:sha256:", ":2026-12-06T10:00:00Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ApiKeyFile verifier = new ApiKeyFile(file);
        assertThat(verifier.verify(key)).hasValue("prometheus");
        assertThat(verifier.verify(key + "x")).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
    }

    @Test
    void twoKeysAreDifferentAndRevokingOneKeepsTheOther() throws Exception {
        Path file = dir.resolve("keys");
        command.run(List.of("create", file.toString(), "a"));
        String a = out.toString(StandardCharsets.UTF_8).strip();
        out.reset();
        command.run(List.of("create", file.toString(), "b"));
        String b = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(a).isNotEqualTo(b);
        ApiKeyFile verifier = new ApiKeyFile(file);
        assertThat(verifier.verify(a)).hasValue("a");

        assertThat(command.run(List.of("revoke", file.toString(), "a"))).isZero();

        assertThat(verifier.verify(a)).isEmpty();
        assertThat(verifier.verify(b)).hasValue("b");
        out.reset();
        assertThat(command.run(List.of("list", file.toString()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("b\tcreated 2026-12-06T10:00:00Z\n");
    }

    @Test
    void refusesDuplicatesUnknownKeysAndBadUsage() {
        Path file = dir.resolve("keys");
        command.run(List.of("create", file.toString(), "a"));

        assertThat(command.run(List.of("create", file.toString(), "a"))).isEqualTo(1);
        assertThat(command.run(List.of("revoke", file.toString(), "nobody"))).isEqualTo(1);
        assertThat(command.run(List.of("create", file.toString(), "bad:name"))).isEqualTo(2);
        assertThat(command.run(List.of("rotate", file.toString()))).isEqualTo(2);
        assertThat(command.run(List.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: tern apikey create FILE NAME");
    }

    @Test
    void aMissingFileAcceptsNoKey() {
        assertThat(new ApiKeyFile(dir.resolve("absent")).verify("tern_anything")).isEmpty();
    }
}
