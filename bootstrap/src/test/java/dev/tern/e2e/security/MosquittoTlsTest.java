package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's secure set-up with the mosquitto command-line clients: TLS with {@code --cafile},
 * a password file and an ACL. The tools must be installed (package mosquitto-clients): a missing
 * one fails the test, it never skips.
 */
class MosquittoTlsTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = new TestPki(dir);
        Path passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "sensor", "s3nsor-pass");
        SecureBroker.passwd(passwords, "dashboard", "dash-pass");
        Path acl = Files.writeString(dir.resolve("acl"), String.join("\n",
                "user sensor", "topic write plant/#",
                "user dashboard", "topic read plant/#", ""));
        broker = SecureBroker.start(
                "listeners.tls.enabled=true",
                "listeners.tls.cert-file=" + pki.serverChain(),
                "listeners.tls.key-file=" + pki.serverKey(),
                "security.file.password-file=" + passwords,
                "security.acl.file=" + acl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishesAndSubscribesOverTlsWithPasswords() throws Exception {
        try (Tool sub = new Tool("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.tlsPort()),
                "--cafile", pki.caFile().toString(), "-u", "dashboard", "-P", "dash-pass",
                "-t", "plant/#", "-q", "1", "-v", "-d")) {
            sub.awaitLine("SUBACK", 10_000);

            int exit = Tool.run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.tlsPort()),
                    "--cafile", pki.caFile().toString(), "-u", "sensor", "-P", "s3nsor-pass",
                    "-t", "plant/boiler/temperature", "-q", "1", "-m", "81.5");

            assertThat(exit).isZero();
            sub.awaitLine("plant/boiler/temperature 81.5", 10_000);
        }
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        int exit = Tool.run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.tlsPort()),
                "--cafile", pki.caFile().toString(), "-u", "sensor", "-P", "wrong",
                "-t", "plant/x", "-m", "x");

        assertThat(exit).isNotZero();
    }

    @Test
    void refusesAServerCertificateFromAnotherCa() throws Exception {
        Path otherCa = Files.writeString(dir.resolve("other-ca.pem"), pki.impostorCa.getCertificatePEM());

        int exit = Tool.run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.tlsPort()),
                "--cafile", otherCa.toString(), "-u", "sensor", "-P", "s3nsor-pass", "-t", "plant/x", "-m", "x");

        assertThat(exit).isNotZero();
    }

    /** A mosquitto tool as a child process; its output lines are collected as they arrive. */
    private static final class Tool implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Tool(String tool, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(require("stdbuf"), "-oL", require(tool)));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("<output closed>");
                }
            }, tool + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        static int run(String tool, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(require(tool)));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(tool + " did not finish within 15 s");
            }
            return process.exitValue();
        }

        static String require(String tool) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(dir, tool);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
            throw new AssertionError(tool + " is not installed; run: apt-get install -y mosquitto-clients coreutils");
        }

        void awaitLine(String text, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            List<String> seen = new ArrayList<>();
            while (System.currentTimeMillis() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(text)) {
                    return;
                }
                if (line != null) {
                    seen.add(line);
                }
            }
            throw new AssertionError("no line containing '" + text + "' within " + timeoutMillis + " ms; saw " + seen);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
