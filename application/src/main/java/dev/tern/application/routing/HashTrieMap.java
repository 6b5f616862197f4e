package dev.tern.application.routing;

import java.util.function.BiConsumer;

/**
 * An immutable hash array mapped trie: {@link #put} and {@link #remove} return a new map that
 * shares all but O(log32 n) nodes with this one. It lets a trie node with 100,000 children or
 * subscribers change one of them without copying the others.
 *
 * <p>A map of one entry holds it in its own fields, without trie nodes: most maps of a large
 * subscription table are the one subscriber of a filter or the one child of a level, and the nodes
 * would cost them 48 bytes more each.
 *
 * <p>Threading: immutable, so safe to read from any thread once published. Keys and values must
 * not be null; keys must be immutable with consistent {@code equals} and {@code hashCode}.
 */
final class HashTrieMap<K, V> {

    private static final HashTrieMap<?, ?> EMPTY = new HashTrieMap<>(null, 0, null, null);

    /** Null when the map has fewer than two entries. */
    private final HashTrieNode root;
    private final int size;
    /** The entry of a map of size one, else null. */
    private final Object soleKey;
    private final Object soleValue;

    private HashTrieMap(HashTrieNode root, int size, Object soleKey, Object soleValue) {
        this.root = root;
        this.size = size;
        this.soleKey = soleKey;
        this.soleValue = soleValue;
    }

    @SuppressWarnings("unchecked")
    static <K, V> HashTrieMap<K, V> empty() {
        return (HashTrieMap<K, V>) EMPTY;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * The value for {@code key}, or null. The looked-up key's {@code equals} is asked, never a
     * stored key's, so a probe that equals stored keys without being one of their class finds them
     * ({@link LevelProbe}).
     */
    @SuppressWarnings("unchecked")
    V get(Object key) {
        if (root == null) {
            return soleKey != null && key.equals(soleKey) ? (V) soleValue : null;
        }
        return (V) root.get(0, HashTrieNode.hash(key), key);
    }

    /** This map with {@code key} mapped to {@code value}; this very map when nothing changes. */
    HashTrieMap<K, V> put(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("keys and values must not be null");
        }
        if (size == 0) {
            return new HashTrieMap<>(null, 1, key, value);
        }
        int hash = HashTrieNode.hash(key);
        if (root == null) {
            if (soleKey.equals(key)) {
                return soleValue == value ? this : new HashTrieMap<>(null, 1, soleKey, value);
            }
            HashTrieNode pair = HashTrieNode.leaf(0, HashTrieNode.hash(soleKey), soleKey, soleValue).put(0, hash, key, value);
            return new HashTrieMap<>(pair, 2, null, null);
        }
        boolean added = root.get(0, hash, key) == null;
        HashTrieNode newRoot = root.put(0, hash, key, value);
        return newRoot == root ? this : new HashTrieMap<>(newRoot, added ? size + 1 : size, null, null);
    }

    /** This map without {@code key}; this very map when the key is absent. */
    HashTrieMap<K, V> remove(Object key) {
        if (root == null) {
            return soleKey != null && soleKey.equals(key) ? empty() : this;
        }
        HashTrieNode newRoot = root.remove(0, HashTrieNode.hash(key), key);
        if (newRoot == root) {
            return this;
        }
        if (size == 2) {
            Object[] last = new Object[2];
            newRoot.forEach((k, v) -> {
                last[0] = k;
                last[1] = v;
            });
            return new HashTrieMap<>(null, 1, last[0], last[1]);
        }
        return new HashTrieMap<>(newRoot, size - 1, null, null);
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        if (root != null) {
            root.forEach((BiConsumer<Object, Object>) action);
        } else if (soleKey != null) {
            action.accept((K) soleKey, (V) soleValue);
        }
    }
}
