package dev.tern.bootstrap.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tern passwd [-D] [--password PASSWORD] FILE USER}: adds or changes a user in a password
 * file (created when missing), or with {@code -D} deletes one. The password is read from the
 * terminal twice without echo, or as one line from standard input when there is no terminal, or
 * from {@code --password} (visible to other local users in the process list: scripts should pipe
 * it instead). Each user gets a PBKDF2-SHA512 hash and a SCRAM-SHA-256 credential.
 *
 * <p>Threading: runs on the calling thread.
 */
public final class PasswdCommand {

    static final String USAGE = "Usage: tern passwd [--password PASSWORD] FILE USER\n"
            + "       tern passwd -D FILE USER";

    private final BufferedReader stdin;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random = new SecureRandom();

    /** @param console null when there is no terminal */
    public PasswdCommand(BufferedReader stdin, Console console, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.console = console;
        this.out = out;
        this.err = err;
    }

    /** @return the process exit code: 0 done, 1 failed, 2 usage error */
    public int run(List<String> args) {
        boolean delete = false;
        char[] password = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-D")) {
                delete = true;
            } else if (arg.equals("--password") && i + 1 < args.size()) {
                password = args.get(++i).toCharArray();
            } else if (arg.startsWith("-")) {
                return usage("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            return usage("expected FILE and USER");
        }
        Path file = Path.of(positional.get(0));
        String username = positional.get(1);
        try {
            Map<String, PasswordEntry> users = new LinkedHashMap<>(
                    Files.exists(file) ? PasswordFile.read(file) : Map.of());
            if (delete) {
                if (users.remove(username) == null) {
                    err.println("No user " + username + " in " + file);
                    return 1;
                }
            } else {
                if (password == null) {
                    password = readPassword();
                }
                if (password == null || password.length == 0) {
                    err.println("No password given");
                    return 1;
                }
                users.put(username, new PasswordEntry(username,
                        Pbkdf2Hash.create(password, random, Pbkdf2Hash.DEFAULT_ITERATIONS),
                        ScramCredential.create(password, random, ScramCredential.DEFAULT_ITERATIONS)));
            }
            PasswordFile.write(file, users.values());
            out.println((delete ? "Deleted " : "Set password of ") + username + " in " + file);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("tern passwd: " + e.getMessage());
            return 1;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private char[] readPassword() throws IOException {
        if (console == null) {
            String line = stdin.readLine();
            return line == null ? null : line.toCharArray();
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Reenter password: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("passwords do not match");
        }
        return first;
    }

    private int usage(String problem) {
        err.println("tern passwd: " + problem);
        err.println(USAGE);
        return 2;
    }
}
