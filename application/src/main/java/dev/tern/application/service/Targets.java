package dev.tern.application.service;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sessions one PUBLISH goes to, one {@link Target} each, found by client id (open addressing
 * on the id's hash). One instance per routing thread is reused from message to message ({@link
 * #borrow}, {@link #release}): its table and its {@code Target} objects stay, so that routing a
 * message, a fan-out to hundreds of sessions included, allocates no target, map entry or table.
 * A table grown past {@link #KEEP_LIMIT} sessions is not kept: a rare huge fan-out should not make
 * the thread hold its memory, nor make every later message clear a large table.
 *
 * <p>Threading: confined to the thread routing the message. A message routed while another is
 * being routed on the same thread (a delivery that publishes in turn) gets a fresh instance.
 */
final class Targets {

    /** Above this many sessions in one message the instance is not kept for the next message. */
    static final int KEEP_LIMIT = 1024;
    private static final ThreadLocal<Targets> SPARE = ThreadLocal.withInitial(Targets::new);

    /** The first {@code size} are this message's targets; those after them, spare objects. */
    private Target[] added = new Target[4];
    /** Where each of {@code added} sits in {@code slots}, so that clearing touches only used slots. */
    private int[] slotOf = new int[4];
    private int size;
    /** Open addressing, linear probing; a power of two, at most half full. */
    private Target[] slots = new Target[8];
    private boolean lent;

    /** This thread's instance, emptied, or a fresh one while this thread's is in use. */
    static Targets borrow() {
        Targets spare = SPARE.get();
        if (spare.lent) {
            return new Targets();
        }
        spare.lent = true;
        return spare;
    }

    /** The message is routed: empties this instance for the next one (a fresh instance is just dropped). */
    void release() {
        if (!lent) {
            return;
        }
        if (added.length > KEEP_LIMIT) {
            SPARE.remove();
        } else {
            for (int i = 0; i < size; i++) {
                slots[slotOf[i]] = null;
            }
            size = 0;
        }
        lent = false;
    }

    /** The target of {@code clientId}, added if it is not there yet. */
    Target getOrAdd(String clientId) {
        int mask = slots.length - 1;
        int i = hash(clientId) & mask;
        for (Target t = slots[i]; t != null; t = slots[i]) {
            if (t.clientId.equals(clientId)) {
                return t;
            }
            i = (i + 1) & mask;
        }
        Target added = next(clientId);
        slots[i] = added;
        slotOf[size - 1] = i;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return added;
    }

    Target get(String clientId) {
        int mask = slots.length - 1;
        for (int i = hash(clientId) & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i].clientId.equals(clientId)) {
                return slots[i];
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    void forEach(Consumer<Target> action) {
        for (int i = 0; i < size; i++) {
            action.accept(added[i]);
        }
    }

    /** A target for a session not among them yet: a spare object reset, or a new one. */
    private Target next(String clientId) {
        if (size == added.length) {
            added = Arrays.copyOf(added, size * 2);
            slotOf = Arrays.copyOf(slotOf, size * 2);
        }
        Target t = added[size];
        if (t == null) {
            t = new Target(clientId);
            added[size] = t;
        } else {
            t.reset(clientId);
        }
        size++;
        return t;
    }

    private void rehash(int capacity) {
        slots = new Target[capacity];
        int mask = capacity - 1;
        for (int n = 0; n < size; n++) {
            int i = hash(added[n].clientId) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = added[n];
            slotOf[n] = i;
        }
    }

    private static int hash(String clientId) {
        int h = clientId.hashCode();
        return h ^ (h >>> 16);
    }
}
