package dev.tern.application.routing;

import java.util.function.BiConsumer;

/**
 * An immutable hash array mapped trie: {@link #put} and {@link #remove} return a new map that
 * shares all but O(log32 n) nodes with this one. It lets a trie node with 100,000 children or
 * subscribers change one of them without copying the others.
 *
 * <p>Threading: immutable, so safe to read from any thread once published. Keys and values must
 * not be null; keys must be immutable with consistent {@code equals} and {@code hashCode}.
 */
final class HashTrieMap<K, V> {

    private static final HashTrieMap<?, ?> EMPTY = new HashTrieMap<>(null, 0);

    private final HashTrieNode root;
    private final int size;

    private HashTrieMap(HashTrieNode root, int size) {
        this.root = root;
        this.size = size;
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

    @SuppressWarnings("unchecked")
    V get(Object key) {
        return root == null ? null : (V) root.get(0, HashTrieNode.hash(key), key);
    }

    /** This map with {@code key} mapped to {@code value}; this very map when nothing changes. */
    HashTrieMap<K, V> put(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("keys and values must not be null");
        }
        int hash = HashTrieNode.hash(key);
        if (root == null) {
            return new HashTrieMap<>(HashTrieNode.leaf(0, hash, key, value), 1);
        }
        boolean added = root.get(0, hash, key) == null;
        HashTrieNode newRoot = root.put(0, hash, key, value);
        return newRoot == root ? this : new HashTrieMap<>(newRoot, added ? size + 1 : size);
    }

    /** This map without {@code key}; this very map when the key is absent. */
    HashTrieMap<K, V> remove(Object key) {
        if (root == null) {
            return this;
        }
        HashTrieNode newRoot = root.remove(0, HashTrieNode.hash(key), key);
        if (newRoot == root) {
            return this;
        }
        return newRoot == null ? empty() : new HashTrieMap<>(newRoot, size - 1);
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        if (root != null) {
            root.forEach((BiConsumer<Object, Object>) action);
        }
    }
}
