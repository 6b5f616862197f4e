package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.testkit.storage.ContractSamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every new in-flight flow draws a position from sequence {@code inflight_position}. H2 commits a
 * sequence's reservation in a session of its own whenever the reserved values run out, and on an
 * MVStore file each such commit writes a chunk; with H2's default of 32 values per reservation a
 * drain wrote a chunk every 32 flows (schema version 3 reserves 100,000). Counted with H2's own
 * file-write counter, on the database the storage has open.
 */
class InflightPositionWritesTest {

    private static final int FLOWS = 1_000;

    @TempDir
    Path directory;

    private H2Storage h2;

    @AfterEach
    void closeStorage() {
        if (h2 != null) {
            h2.close();
        }
    }

    /** A second connection to the open database: same URL, same JVM, so the same H2 database. */
    private long fileWrites() throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(ConnectionPool.url(directory.resolve("tern" + H2StorageSettings.SUFFIX)));
        source.setUser("sa");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.FILE_WRITE'")) {
            assertThat(row.next()).as("H2 reports info.FILE_WRITE").isTrue();
            return Long.parseLong(row.getString(1));
        }
    }

    private void saveNewFlows(int firstPacketId) {
        h2.transactions().inTransaction(() -> {
            for (int i = 0; i < FLOWS; i++) {
                int packetId = firstPacketId + i;
                h2.inflight().save("client-" + (i % 100), new AwaitingPuback(packetId,
                        ContractSamples.plainDelivery("t/" + packetId, "m")));
            }
        });
    }

    @Test
    void aTransactionOfAThousandNewFlowsWritesTheFileAFewTimesNotOnceEveryThirtyTwoFlows() throws SQLException {
        h2 = ReopenableStorage.openIn(directory);
        // The first flows after opening may take the one reservation this storage needs.
        saveNewFlows(1);
        long before = fileWrites();

        saveNewFlows(1 + FLOWS);

        // The transaction's commit and its CHECKPOINT SYNC; at 32 values per reservation, 31 more.
        assertThat(fileWrites() - before).isLessThanOrEqualTo(4);
    }
}
