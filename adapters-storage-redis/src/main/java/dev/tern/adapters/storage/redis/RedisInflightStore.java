package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.out.InflightStore;
import dev.tern.domain.delivery.OutboundFlow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RFuture;

/**
 * Each client's outbound flows are an {@link OrderedHash} ({@code inflight:{C}} packet id to flow,
 * {@code inflight-order:{C}} the resend order [MQTT-4.4.0-1]), so a flow moving from awaiting
 * PUBREC to awaiting PUBCOMP keeps its place. Inbound QoS 2 receipts are the set {@code qos2:{C}}
 * of packet ids: the two directions number packets independently, so they never share a key.
 *
 * <p>Threading: thread-safe.
 */
final class RedisInflightStore implements InflightStore {

    private final RedisCommands commands;
    private final RedisKeys keys;

    RedisInflightStore(RedisCommands commands, RedisKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @Override
    public void save(String clientId, OutboundFlow flow) {
        byte[] value = StoredValues.flow(flow);
        commands.writeClient(clientId, keys.inflight(clientId),
                List.of(flowsOf(clientId).put(Integer.toString(flow.packetId()), value)));
    }

    @Override
    public void remove(String clientId, int packetId) {
        List<WriteOp> ops = new ArrayList<>(2);
        flowsOf(clientId).remove(ops, Integer.toString(packetId));
        commands.writeClient(clientId, keys.inflight(clientId), ops);
    }

    @Override
    public List<OutboundFlow> load(String clientId) {
        String source = keys.inflight(clientId);
        List<Map.Entry<String, byte[]>> entries = commands.read(batch -> flowsOf(clientId).load(batch));
        List<OutboundFlow> flows = new ArrayList<>(entries.size());
        for (Map.Entry<String, byte[]> entry : entries) {
            flows.add(StoredValues.flow(entry.getValue(), source + " " + entry.getKey()));
        }
        return Collections.unmodifiableList(flows);
    }

    @Override
    public void saveReceipt(String clientId, int packetId) {
        String key = keys.receipts(clientId);
        commands.writeClient(clientId, key, List.of(new WriteOp.SetAdd(key, Integer.toString(packetId))));
    }

    @Override
    public void removeReceipt(String clientId, int packetId) {
        String key = keys.receipts(clientId);
        commands.writeClient(clientId, key, List.of(new WriteOp.SetRemove(key, Integer.toString(packetId))));
    }

    @Override
    public Set<Integer> loadReceipts(String clientId) {
        String key = keys.receipts(clientId);
        Set<String> members = commands.read(batch -> {
            RFuture<Set<String>> reply = batch.<String>getSet(key, Codecs.TEXT).readAllAsync();
            return () -> result(reply);
        });
        Set<Integer> packetIds = new HashSet<>(members.size() * 2);
        for (String member : members) {
            try {
                packetIds.add(Integer.parseInt(member));
            } catch (NumberFormatException e) {
                throw new CorruptValueException(key, "member " + member + " is not a packet id");
            }
        }
        return Collections.unmodifiableSet(packetIds);
    }

    /**
     * One list per client, {@code forwarded:{C}}, the newest last, trimmed in the same step: called
     * inside the write of the copy, it joins the copy's group commit and so the client's fenced
     * script (or MULTI/EXEC): receipt and copy are applied together or not at all.
     */
    @Override
    public void saveForwardReceipt(String clientId, String forwardId) {
        String key = keys.forwardReceipts(clientId);
        commands.writeClient(clientId, key, List.of(new WriteOp.ListPushTrimmed(key, forwardId, FORWARD_RECEIPTS_KEPT)));
    }

    @Override
    public List<String> loadForwardReceipts(String clientId) {
        String key = keys.forwardReceipts(clientId);
        return commands.read(batch -> {
            RFuture<List<String>> reply = batch.<String>getList(key, Codecs.TEXT).readAllAsync();
            return () -> List.copyOf(result(reply));
        });
    }

    @Override
    public void deleteAll(String clientId) {
        commands.writeClient(clientId, keys.inflight(clientId), List.of(flowsOf(clientId).delete(),
                new WriteOp.Delete(List.of(keys.receipts(clientId), keys.forwardReceipts(clientId)))));
    }

    private OrderedHash flowsOf(String clientId) {
        return new OrderedHash(keys.inflight(clientId), keys.inflightOrder(clientId));
    }
}
