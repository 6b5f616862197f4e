package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addsChangesAndDeletesUsersWithoutEverStoringThePassword() throws Exception {
        Path file = dir.resolve("passwords");

        assertThat(run("", "--password", "first-secret", file.toString(), "alice")).isZero();
        assertThat(run("bob-secret\n", file.toString(), "bob")).isZero();
        Map<String, PasswordEntry> users = PasswordFile.read(file);
        assertThat(users.get("alice").password().matches("first-secret".toCharArray())).isTrue();
        assertThat(users.get("bob").password().matches("bob-secret".toCharArray())).isTrue();
        assertThat(users.get("bob").scram()).isNotNull();

        assertThat(run("", "--password", "second-secret", file.toString(), "alice")).isZero();
        users = PasswordFile.read(file);
        assertThat(users.get("alice").password().matches("first-secret".toCharArray())).isFalse();
        assertThat(users.get("alice").password().matches("second-secret".toCharArray())).isTrue();
        assertThat(users.get("alice").password().iterations()).isEqualTo(Pbkdf2Hash.DEFAULT_ITERATIONS);

        assertThat(run("", "-D", file.toString(), "bob")).isZero();
        assertThat(PasswordFile.read(file)).containsOnlyKeys("alice");

        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).doesNotContain("secret").startsWith("alice:$pbkdf2-sha512$210000$")
                .contains(":$scram-sha-256$4096$");
    }

    @Test
    void refusesToDeleteAMissingUserAndExplainsItsUsage() throws Exception {
        Path file = dir.resolve("passwords");
        run("", "--password", "x", file.toString(), "alice");

        assertThat(run("", "-D", file.toString(), "nobody")).isEqualTo(1);
        assertThat(run("", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No user nobody").contains("Usage: tern passwd");
    }

    @Test
    void refusesAnEmptyPasswordFromStandardInput() {
        assertThat(run("\n", dir.resolve("passwords").toString(), "alice")).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("passwords"))).isFalse();
    }

    private int run(String stdin, String... args) {
        PasswdCommand command = new PasswdCommand(new BufferedReader(new StringReader(stdin)), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return command.run(List.of(args));
    }
}
