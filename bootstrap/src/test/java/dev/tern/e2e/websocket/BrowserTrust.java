package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A home directory whose NSS database trusts one CA for server certificates. Chromium on Linux
 * reads its user trust from {@code $HOME/.pki/nssdb}, so a browser started with this {@code HOME}
 * accepts certificates that CA issued, and only those: the test proves real certificate checking
 * rather than switching it off.
 */
final class BrowserTrust {

    static final String CA_NICKNAME = "tern-test-ca";
    private static final long CERTUTIL_TIMEOUT_SECONDS = 30;

    private BrowserTrust() {
    }

    /** Creates {@code home/.pki/nssdb} with an empty password and adds {@code caFile} as a trusted CA. */
    static Path homeTrusting(Path home, Path caFile) throws IOException, InterruptedException {
        BrowserPrerequisites.requireCertutil();
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        String database = "sql:" + nssdb;
        certutil(List.of("certutil", "-d", database, "-N", "--empty-password"));
        // "C,," trusts the CA to issue TLS server certificates; no e-mail or code signing trust.
        certutil(List.of("certutil", "-d", database, "-A", "-t", "C,,", "-n", CA_NICKNAME, "-i", caFile.toString()));
        return home;
    }

    private static void certutil(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(CERTUTIL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish; it said: " + output);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + process.exitValue() + "; it said: " + output);
        }
    }
}
