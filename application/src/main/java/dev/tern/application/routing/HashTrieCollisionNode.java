package dev.tern.application.routing;

import java.util.Arrays;
import java.util.function.BiConsumer;

/** Keys whose whole 32-bit hashes are equal, in a flat key/value array. Immutable: changes return copies. */
final class HashTrieCollisionNode extends HashTrieNode {
    private final int hash;
    private final Object[] array;

    HashTrieCollisionNode(int hash, Object[] array) {
        this.hash = hash;
        this.array = array;
    }

    @Override
    Object get(int shift, int hash, Object key) {
        int i = indexOf(key);
        return i < 0 ? null : array[i + 1];
    }

    @Override
    HashTrieNode put(int shift, int hash, Object key, Object value) {
        if (hash != this.hash) {
            return new HashTrieBitmapNode(bit(shift, this.hash), new Object[] {null, this})
                    .put(shift, hash, key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            if (array[i + 1] == value) {
                return this;
            }
            Object[] copy = array.clone();
            copy[i + 1] = value;
            return new HashTrieCollisionNode(hash, copy);
        }
        Object[] grown = Arrays.copyOf(array, array.length + 2);
        grown[array.length] = key;
        grown[array.length + 1] = value;
        return new HashTrieCollisionNode(hash, grown);
    }

    @Override
    HashTrieNode remove(int shift, int hash, Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return this;
        }
        if (array.length == 4) {
            int other = i == 0 ? 2 : 0;
            return leaf(shift, this.hash, array[other], array[other + 1]);
        }
        Object[] shrunk = new Object[array.length - 2];
        System.arraycopy(array, 0, shrunk, 0, i);
        System.arraycopy(array, i + 2, shrunk, i, array.length - i - 2);
        return new HashTrieCollisionNode(hash, shrunk);
    }

    @Override
    void forEach(BiConsumer<Object, Object> action) {
        for (int i = 0; i < array.length; i += 2) {
            action.accept(array[i], array[i + 1]);
        }
    }

    private int indexOf(Object key) {
        for (int i = 0; i < array.length; i += 2) {
            if (key.equals(array[i])) {
                return i;
            }
        }
        return -1;
    }
}
