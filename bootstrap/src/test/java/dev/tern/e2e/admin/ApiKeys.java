package dev.tern.e2e.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.security.ApiKeyCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Makes an API key the way an operator does, with {@code tern apikey create}. */
public final class ApiKeys {

    private ApiKeys() {
    }

    public static String create(Path file, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ApiKeyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())
                .run(List.of("create", file.toString(), name));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
