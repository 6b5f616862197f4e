package dev.tern.benchmarks.load;

/**
 * What became of a flow's messages. A PUBLISH the broker refused (an MQTT 5 PUBACK or PUBREC with
 * a reason code of 0x80 or more) is never delivered, so it is counted as refused and not as lost:
 * {@code lost} is what the broker accepted, or never answered, and did not deliver. A negative
 * {@code lost} would mean refused messages were delivered after all; it is printed as it is.
 *
 * <p>Threading: immutable.
 *
 * @param published   PUBLISHes sent
 * @param subscribers receivers of every accepted message
 * @param refused     PUBLISHes the broker refused
 * @param received    distinct deliveries
 * @param duplicates  deliveries of a message a receiver already had
 */
record Outcome(long published, long subscribers, long refused, long received, long duplicates) {

    Outcome {
        if (published < 0 || subscribers < 0 || refused < 0 || received < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (refused > published) {
            throw new IllegalArgumentException("refused " + refused + " of only " + published + " published");
        }
    }

    /** Deliveries had the broker accepted every message: the line's {@code sent}. */
    long sent() {
        return published * subscribers;
    }

    /** Deliveries owed once the refusals are taken out. */
    long expected() {
        return (published - refused) * subscribers;
    }

    long lost() {
        return expected() - received;
    }

    /** The counting fields of a JSON line, in the order every flow prints them. */
    JsonLine into(JsonLine line) {
        return line.put("published", published)
                .put("sent", sent())
                .put("received", received)
                .put("lost", lost())
                .put("duplicates", duplicates)
                .put("refused", refused);
    }
}
