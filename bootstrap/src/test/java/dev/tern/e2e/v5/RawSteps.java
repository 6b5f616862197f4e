package dev.tern.e2e.v5;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Steps the v5 tests repeat with the raw client, each checking the server's answer. */
final class RawSteps {

    private RawSteps() {
    }

    static RawMqttClient connected(int port, String clientId) throws IOException {
        return Received5.connected(port, Connect5Packet.v5(clientId));
    }

    /** SUBSCRIBE one filter and return its SUBACK reason code. */
    static int subscribe(RawMqttClient client, int packetId, String filter, int options) throws IOException {
        return subscribe(client, packetId, filter, options, PropertiesWriter.properties());
    }

    static int subscribe(RawMqttClient client, int packetId, String filter, int options, PropertiesWriter props)
            throws IOException {
        client.send(Client5Packets.subscribe(packetId, filter, options, props));
        Received5.Acks suback = Received5.acks(client.readPacket());
        if (suback.packetId() != packetId) {
            throw new AssertionError("SUBACK for " + suback.packetId() + ", expected " + packetId);
        }
        return suback.reasonCodes().get(0);
    }

    /** PUBLISH at QoS 1 and wait for its PUBACK; returns the PUBACK reason code. */
    static int publishQos1(RawMqttClient client, int packetId, String topic, byte[] payload, boolean retain,
            PropertiesWriter props) throws IOException {
        client.send(Client5Packets.publish(topic, payload, 1, packetId, retain, props));
        return Received5.ack(client.readPacket(), PacketType.PUBACK).reasonCode();
    }

    static int publishQos1(RawMqttClient client, int packetId, String topic, String payload) throws IOException {
        return publishQos1(client, packetId, topic, payload.getBytes(), false, PropertiesWriter.properties());
    }

    /** Reads the next PUBLISH, acknowledging it when it is QoS 1. */
    static Received5.Publish5 receive(RawMqttClient client) throws IOException {
        Received5.Publish5 publish = Received5.publish(client.readPacket());
        if (publish.qos() == 1) {
            client.send(Client5Packets.ack(4, publish.packetId()));
        }
        return publish;
    }

    /** Every PUBLISH arriving until {@code quiet} passes without one, acknowledged. */
    static List<Received5.Publish5> receiveUntilQuiet(RawMqttClient client, Duration quiet) throws IOException {
        List<Received5.Publish5> received = new ArrayList<>();
        while (!client.receivesNothingWithin(quiet)) {
            received.add(receive(client));
        }
        return received;
    }

    /** Ends the connection with a normal DISCONNECT and waits for the server to close it. */
    static void disconnect(RawMqttClient client) throws IOException {
        client.send(Client5Packets.disconnect(0));
        if (!client.awaitClosed(Duration.ofSeconds(3))) {
            throw new AssertionError("server kept the connection open after DISCONNECT");
        }
        client.close();
    }
}
