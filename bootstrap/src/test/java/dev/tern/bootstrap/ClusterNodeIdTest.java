package dev.tern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.bootstrap.config.ClusterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterNodeIdTest {

    @TempDir
    Path dir;

    private static ClusterConfig config(String nodeId, Path file) {
        return new ClusterConfig(true, nodeId, file, Duration.ofSeconds(10), Duration.ofSeconds(2), 1_000_000);
    }

    @Test
    void aConfiguredNodeIdIsUsedAndNoFileIsWritten() {
        Path file = dir.resolve("data").resolve("node-id");

        assertThat(ClusterNodeId.resolve(config("edge-7", file), new Random(1))).isEqualTo("edge-7");
        assertThat(file).doesNotExist();
    }

    @Test
    void theFirstStartGeneratesAnIdAndWritesItCreatingTheDirectory() throws IOException {
        Path file = dir.resolve("data").resolve("node-id");

        String id = ClusterNodeId.resolve(config("", file), new Random(1));

        assertThat(id).matches("node-[0-9a-f]{8}");
        assertThat(Files.readString(file).strip()).isEqualTo(id);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theNextStartReadsTheKeptIdInsteadOfGeneratingAnother() {
        Path file = dir.resolve("node-id");
        String first = ClusterNodeId.resolve(config("", file), new Random(1));

        String second = ClusterNodeId.resolve(config("", file), new Random(2));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFileHoldingSomethingElseStopsTheStartNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("node-id"), "Not An Id\n");

        assertThatThrownBy(() -> ClusterNodeId.resolve(config("", file), new Random(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Not An Id");
    }

    @Test
    void aFileThatCannotBeWrittenStopsTheStartSayingHowToFixIt() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> ClusterNodeId.resolve(config("", notADirectory.resolve("node-id")), new Random(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster.node-id-file").hasMessageContaining("set cluster.node-id");
    }
}
