package dev.tern.bootstrap.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tern apikey create FILE NAME}, {@code tern apikey revoke FILE NAME}, {@code tern apikey
 * list FILE}: manages the admin API keys ({@code admin.api-key-file}). {@code create} prints the
 * new key once, on standard output; only its SHA-256 is written (see {@link ApiKeyFile}). A running
 * broker picks changes up at the next request.
 *
 * <p>Threading: runs on the calling thread.
 */
public final class ApiKeyCommand {

    static final String USAGE = "Usage: tern apikey create FILE NAME\n"
            + "       tern apikey revoke FILE NAME\n"
            + "       tern apikey list FILE";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** @return the process exit code: 0 done, 1 failed, 2 usage error */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            return usage("expected create, revoke or list");
        }
        String action = args.get(0);
        boolean list = action.equals("list");
        if (!list && !action.equals("create") && !action.equals("revoke")) {
            return usage("unknown action " + action);
        }
        if (args.size() != (list ? 2 : 3)) {
            return usage(list ? "expected FILE" : "expected FILE and NAME");
        }
        Path file = Path.of(args.get(1));
        try {
            Map<String, ApiKeyFile.Entry> keys = new LinkedHashMap<>(
                    Files.exists(file) ? ApiKeyFile.read(file) : Map.of());
            if (list) {
                keys.values().forEach(key -> out.println(key.name() + "\tcreated " + key.created()));
                return 0;
            }
            String name = args.get(2);
            if (!ApiKeyFile.validName(name)) {
                return usage("a key name is 1 to 64 letters, digits, dots, dashes or underscores");
            }
            if (action.equals("revoke")) {
                if (keys.remove(name) == null) {
                    err.println("No key named " + name + " in " + file);
                    return 1;
                }
                ApiKeyFile.write(file, keys.values());
                err.println("Revoked " + name);
                return 0;
            }
            if (keys.containsKey(name)) {
                err.println("A key named " + name + " exists in " + file + "; revoke it first");
                return 1;
            }
            String key = ApiKeyFile.newKey(random);
            keys.put(name, new ApiKeyFile.Entry(name, ApiKeyFile.sha256(key), clock.instant()));
            ApiKeyFile.write(file, keys.values());
            out.println(key);
            err.println("Created " + name + ": the key above is shown once and not stored; "
                    + "send it as Authorization: Bearer <key>");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot update " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
