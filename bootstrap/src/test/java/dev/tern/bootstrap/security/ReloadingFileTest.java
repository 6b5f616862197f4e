package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingFileTest {

    @TempDir
    Path dir;

    @Test
    void picksUpAChangedFileAndKeepsTheLastGoodOneWhenBroken() throws Exception {
        Path file = Files.writeString(dir.resolve("acl"), "topic read a/#\n");
        ReloadingFile<AclRules> acl = new ReloadingFile<>(file, "ACL file", AclFile::parse);
        assertThat(acl.current().anonymous()).hasSize(1);

        write(file, "topic read a/#\ntopic write b\n", 1);
        acl.reloadIfChanged();
        assertThat(acl.current().anonymous()).hasSize(2);

        write(file, "topic read a/#/broken\n", 2);
        acl.reloadIfChanged();
        assertThat(acl.current().anonymous()).hasSize(2);
    }

    @Test
    void refusesToStartWithoutAReadableValidFile() {
        assertThatThrownBy(() -> new ReloadingFile<>(dir.resolve("missing"), "ACL file", AclFile::parse))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing");
    }

    /** A distinct modification time, so the test does not depend on the file system's clock granularity. */
    private static void write(Path file, String content, int generation) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(generation)));
    }
}
