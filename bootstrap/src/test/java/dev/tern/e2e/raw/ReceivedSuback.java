package dev.tern.e2e.raw;

import java.util.List;

/** @param returnCodes one per filter, in order: granted QoS 0..2 or 0x80 for failure */
public record ReceivedSuback(int packetId, List<Integer> returnCodes) {
}
