package dev.tern.application.routing;

import java.util.function.BiConsumer;

/**
 * A node of {@link HashTrieMap}: bitmap-indexed, or a collision list for keys of equal hash.
 * Immutable; every change returns a new node sharing the unchanged parts.
 */
abstract class HashTrieNode {

    abstract Object get(int shift, int hash, Object key);

    abstract HashTrieNode put(int shift, int hash, Object key, Object value);

    /** The node without {@code key}, this node when absent, null when it becomes empty. */
    abstract HashTrieNode remove(int shift, int hash, Object key);

    abstract void forEach(BiConsumer<Object, Object> action);

    static HashTrieNode leaf(int shift, int hash, Object key, Object value) {
        return new HashTrieBitmapNode(bit(shift, hash), new Object[] {key, value});
    }

    /** Spreads high bits down, as the first levels of the trie use the low bits. */
    static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    static int bit(int shift, int hash) {
        return 1 << ((hash >>> shift) & 31);
    }
}
