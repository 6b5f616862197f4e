package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the browser test needs on the machine. A missing piece fails the test with the command that
 * installs it: a skipped browser test would report green while proving nothing.
 */
public final class BrowserPrerequisites {

    public static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserPrerequisites() {
    }

    public static void require() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("Chromium at " + CHROMIUM + ": sudo apt-get install -y chromium");
        }
        if (!onPath("node") || !onPath("npm")) {
            missing.add("node and npm: sudo apt-get install -y nodejs npm");
        }
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))
                || !Files.isRegularFile(BROWSER_DIR.resolve("node_modules/mqtt/dist/mqtt.min.js"))) {
            missing.add("playwright-core and mqtt: (cd bootstrap/src/test/browser && npm ci)");
        }
        if (!missing.isEmpty()) {
            fail("The browser test needs " + String.join("; ", missing)
                    + ". scripts/test.sh installs all of it when run as root.");
        }
    }

    /** The {@code wss://} case also needs NSS's certutil to make Chromium trust the test CA. */
    static void requireCertutil() {
        if (!onPath("certutil")) {
            fail("The browser test over wss:// needs NSS's certutil: sudo apt-get install -y libnss3-tools"
                    + ". scripts/test.sh installs it when run as root.");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
