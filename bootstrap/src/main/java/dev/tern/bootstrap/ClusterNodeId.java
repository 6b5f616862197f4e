package dev.tern.bootstrap;

import dev.tern.bootstrap.config.ClusterConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * This node's id in the cluster: {@code cluster.node-id} when set; otherwise the one kept in
 * {@code cluster.node-id-file}, which the first start generates ({@code node-} and 8 hex digits)
 * and writes there, so that a restarted node comes back as itself and can reclaim what it owned.
 *
 * <p>Threading: called once, on the starting thread.
 */
final class ClusterNodeId {

    private ClusterNodeId() {
    }

    /** @throws IllegalStateException naming the file when it cannot be read or written, or holds no node id */
    static String resolve(ClusterConfig config, RandomGenerator random) {
        if (!config.nodeId().isEmpty()) {
            return config.nodeId();
        }
        Path file = config.nodeIdFile().toAbsolutePath();
        try {
            if (Files.exists(file)) {
                return kept(file, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            String generated = "node-" + HexFormat.of().toHexDigits(random.nextInt());
            Path parent = file.getParent();
            Files.createDirectories(parent);
            // Written aside and moved into place: a crash never leaves a half-written id behind.
            Path partial = Files.writeString(Files.createTempFile(parent, "node-id", ".tmp"), generated + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("cluster.node-id-file " + file + " cannot be used (" + e
                    + "): make it writable or set cluster.node-id", e);
        }
    }

    private static String kept(Path file, String text) {
        if (!text.matches(ClusterConfig.NODE_ID_PATTERN)) {
            throw new IllegalStateException("cluster.node-id-file " + file + " holds \"" + text
                    + "\", not a node id (1 to 64 of a-z, 0-9, -): correct it, or delete it for a new id");
        }
        return text;
    }
}
