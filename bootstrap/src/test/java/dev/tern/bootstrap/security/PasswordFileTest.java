package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordFileTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void readsWhatItWrites() {
        PasswordEntry withScram = new PasswordEntry("alice", Pbkdf2Hash.create("pw".toCharArray(), random, 1000),
                ScramCredential.create("pw".toCharArray(), random, 4096));
        PasswordEntry without = new PasswordEntry("bob", Pbkdf2Hash.create("pw2".toCharArray(), random, 1000), null);

        Map<String, PasswordEntry> read = PasswordFile.parse(PasswordFile.format(List.of(withScram, without)));

        assertThat(read).containsEntry("alice", withScram).containsEntry("bob", without);
    }

    @Test
    void checksPasswordsAgainstTheHash() {
        Pbkdf2Hash hash = Pbkdf2Hash.create("correct horse".toCharArray(), random, 1000);

        assertThat(hash.matches("correct horse".toCharArray())).isTrue();
        assertThat(hash.matches("correct horsE".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
    }

    @Test
    void ignoresCommentsAndBlankLinesAndNamesBrokenLines() {
        String good = PasswordFile.format(List.of(new PasswordEntry("alice",
                Pbkdf2Hash.create("pw".toCharArray(), random, 1000), null))).get(0);

        assertThat(PasswordFile.parse(List.of("# users", "", good))).containsOnlyKeys("alice");
        assertThatThrownBy(() -> PasswordFile.parse(List.of(good, "bob:plaintext")))
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> PasswordFile.parse(List.of(good, good))).hasMessageContaining("twice");
        assertThatThrownBy(() -> PasswordFile.parse(List.of("bob:$pbkdf2-sha512$x$AAAA$AAAA")))
                .hasMessageContaining("iteration");
    }

    @Test
    void neverShowsSecretsInToString() {
        Pbkdf2Hash hash = Pbkdf2Hash.create("pw".toCharArray(), random, 1000);
        assertThat(hash.toString()).doesNotContain(hash.encode().split("\\$")[4]);
    }
}
