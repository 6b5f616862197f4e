package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.InflightStore;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Outbound flows in table {@code inflight_flow} and inbound QoS 2 receipts in
 * {@code inbound_receipt}. A new flow takes the next {@code inflight_position}; a flow saved again
 * under its packet id keeps it, so the resend order is the order first saved [MQTT-4.4.0-1].
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2InflightStore implements InflightStore {

    private static final int AWAITING_PUBACK = 1;
    private static final int AWAITING_PUBREC = 2;
    private static final int AWAITING_PUBCOMP = 3;

    /**
     * The flow columns in the parameter order shared by {@link #UPDATE_FLOW} and {@link #INSERT_FLOW}:
     * state, subscription ids, the message, then the key.
     */
    private static final String FLOW_COLUMNS = "state, subscription_ids, " + MessageColumns.NAMES
            + ", client_id, packet_id";
    private static final String UPDATE_FLOW = "UPDATE inflight_flow SET state = ?, subscription_ids = ?, "
            + assignments(MessageColumns.NAMES) + " WHERE client_id = ? AND packet_id = ?";
    private static final String INSERT_FLOW = "INSERT INTO inflight_flow (" + FLOW_COLUMNS + ", position)"
            + " VALUES (?, ?, " + MessageParameters.PLACEHOLDERS + ", ?, ?, NEXT VALUE FOR inflight_position)";
    private static final String DELETE_FLOW = "DELETE FROM inflight_flow WHERE client_id = ? AND packet_id = ?";
    private static final String SELECT_FLOWS = "SELECT packet_id, state, subscription_ids, " + MessageColumns.NAMES
            + " FROM inflight_flow WHERE client_id = :client_id ORDER BY position";
    private static final String MERGE_RECEIPT = "MERGE INTO inbound_receipt (client_id, packet_id)"
            + " KEY (client_id, packet_id) VALUES (:client_id, :packet_id)";
    private static final String DELETE_RECEIPT = "DELETE FROM inbound_receipt WHERE client_id = :client_id"
            + " AND packet_id = :packet_id";
    private static final String SELECT_RECEIPTS = "SELECT packet_id FROM inbound_receipt WHERE client_id = :client_id";
    private static final String DELETE_ALL_FLOWS = "DELETE FROM inflight_flow WHERE client_id = :client_id";
    private static final String DELETE_ALL_RECEIPTS = "DELETE FROM inbound_receipt WHERE client_id = :client_id";

    private final Transactor transactor;

    H2InflightStore(Transactor transactor) {
        this.transactor = transactor;
    }

    private static String assignments(String columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns.split(", ")) {
            sql.append(sql.length() == 0 ? "" : ", ").append(column).append(" = ?");
        }
        return sql.toString();
    }

    /**
     * Plain JDBC (see {@link StatementCache}): each QoS 1 and 2 delivery saves its flow once and
     * removes it once, and Jdbi's MERGE cost several times what H2 spends on the row, on the one
     * storage thread.
     * An UPDATE first, which finds nothing for a new flow and keeps the position of a flow saved
     * again; then an INSERT that draws the next position. The write lock of {@link Transactor}
     * keeps another writer from inserting the key in between.
     */
    @Override
    public void save(String clientId, OutboundFlow flow) {
        transactor.writeJdbc(statements -> {
            int updated = executeFlow(statements.prepared(UPDATE_FLOW), clientId, flow);
            return updated > 0 ? updated : executeFlow(statements.prepared(INSERT_FLOW), clientId, flow);
        });
    }

    private static int executeFlow(PreparedStatement statement, String clientId, OutboundFlow flow)
            throws SQLException {
        statement.setInt(1, stateOf(flow));
        Delivery delivery = deliveryOf(flow);
        if (delivery == null) {
            MessageParameters.bindBytes(statement, 2, null);
            MessageParameters.bindAbsent(statement, 3);
        } else {
            MessageParameters.bindBytes(statement, 2, ListColumnCodec.encodeInts(delivery.subscriptionIds()));
            MessageParameters.bind(statement, 3, delivery.message());
        }
        statement.setString(3 + MessageParameters.COUNT, clientId);
        statement.setInt(4 + MessageParameters.COUNT, flow.packetId());
        return statement.executeUpdate();
    }

    private static int stateOf(OutboundFlow flow) {
        if (flow instanceof AwaitingPuback) {
            return AWAITING_PUBACK;
        }
        return flow instanceof AwaitingPubrec ? AWAITING_PUBREC : AWAITING_PUBCOMP;
    }

    /** The delivery a flow still holds; none once it awaits PUBCOMP (4.3.3). */
    private static Delivery deliveryOf(OutboundFlow flow) {
        if (flow instanceof AwaitingPuback puback) {
            return puback.delivery();
        }
        return flow instanceof AwaitingPubrec pubrec ? pubrec.delivery() : null;
    }

    @Override
    public void remove(String clientId, int packetId) {
        transactor.writeJdbc(statements -> {
            PreparedStatement delete = statements.prepared(DELETE_FLOW);
            delete.setString(1, clientId);
            delete.setInt(2, packetId);
            return delete.executeUpdate();
        });
    }

    @Override
    public List<OutboundFlow> load(String clientId) {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT_FLOWS)
                .bind("client_id", clientId)
                .map((row, context) -> read(row))
                .list()));
    }

    private static OutboundFlow read(ResultSet row) throws SQLException {
        int packetId = row.getInt("packet_id");
        int state = row.getInt("state");
        if (state == AWAITING_PUBCOMP) {
            return new AwaitingPubcomp(packetId);
        }
        Delivery delivery = new Delivery(MessageColumns.read(row),
                ListColumnCodec.decodeInts(row.getBytes("subscription_ids")));
        return switch (state) {
            case AWAITING_PUBACK -> new AwaitingPuback(packetId, delivery);
            case AWAITING_PUBREC -> new AwaitingPubrec(packetId, delivery);
            default -> throw new IllegalStateException("unknown in-flight state " + state + " of packet " + packetId);
        };
    }

    @Override
    public void saveReceipt(String clientId, int packetId) {
        transactor.write(handle -> handle.createUpdate(MERGE_RECEIPT)
                .bind("client_id", clientId)
                .bind("packet_id", packetId)
                .execute());
    }

    @Override
    public void removeReceipt(String clientId, int packetId) {
        transactor.write(handle -> handle.createUpdate(DELETE_RECEIPT)
                .bind("client_id", clientId)
                .bind("packet_id", packetId)
                .execute());
    }

    @Override
    public Set<Integer> loadReceipts(String clientId) {
        return transactor.read(handle -> Set.copyOf(handle.createQuery(SELECT_RECEIPTS)
                .bind("client_id", clientId)
                .mapTo(Integer.class)
                .list()));
    }

    @Override
    public void deleteAll(String clientId) {
        transactor.write(handle -> {
            handle.createUpdate(DELETE_ALL_FLOWS).bind("client_id", clientId).execute();
            return handle.createUpdate(DELETE_ALL_RECEIPTS).bind("client_id", clientId).execute();
        });
    }
}
