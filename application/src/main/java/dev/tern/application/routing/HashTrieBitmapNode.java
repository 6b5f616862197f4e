package dev.tern.application.routing;

import java.util.function.BiConsumer;

/**
 * Up to 32 slots selected by five bits of the hash; slot i is {@code array[2i]} (a key, or null
 * when the slot holds a sub-node) and {@code array[2i + 1]} (its value, or the sub-node).
 * Immutable: changes return copies.
 */
final class HashTrieBitmapNode extends HashTrieNode {
    private final int bitmap;
    private final Object[] array;

    HashTrieBitmapNode(int bitmap, Object[] array) {
        this.bitmap = bitmap;
        this.array = array;
    }

    @Override
    Object get(int shift, int hash, Object key) {
        int bit = bit(shift, hash);
        if ((bitmap & bit) == 0) {
            return null;
        }
        int i = 2 * Integer.bitCount(bitmap & (bit - 1));
        Object slotKey = array[i];
        if (slotKey == null) {
            return ((HashTrieNode) array[i + 1]).get(shift + 5, hash, key);
        }
        return key.equals(slotKey) ? array[i + 1] : null;
    }

    @Override
    HashTrieNode put(int shift, int hash, Object key, Object value) {
        int bit = bit(shift, hash);
        int i = 2 * Integer.bitCount(bitmap & (bit - 1));
        if ((bitmap & bit) == 0) {
            Object[] grown = new Object[array.length + 2];
            System.arraycopy(array, 0, grown, 0, i);
            grown[i] = key;
            grown[i + 1] = value;
            System.arraycopy(array, i, grown, i + 2, array.length - i);
            return new HashTrieBitmapNode(bitmap | bit, grown);
        }
        Object slotKey = array[i];
        Object slotValue = array[i + 1];
        if (slotKey == null) {
            HashTrieNode child = (HashTrieNode) slotValue;
            HashTrieNode newChild = child.put(shift + 5, hash, key, value);
            return newChild == child ? this : withSlot(i, null, newChild);
        }
        if (key.equals(slotKey)) {
            return slotValue == value ? this : withSlot(i, slotKey, value);
        }
        return withSlot(i, null, merge(shift + 5, slotKey, slotValue, hash, key, value));
    }

    @Override
    HashTrieNode remove(int shift, int hash, Object key) {
        int bit = bit(shift, hash);
        if ((bitmap & bit) == 0) {
            return this;
        }
        int i = 2 * Integer.bitCount(bitmap & (bit - 1));
        Object slotKey = array[i];
        if (slotKey == null) {
            HashTrieNode child = (HashTrieNode) array[i + 1];
            HashTrieNode newChild = child.remove(shift + 5, hash, key);
            if (newChild == child) {
                return this;
            }
            if (newChild == null) {
                return withoutSlot(i, bit);
            }
            if (newChild instanceof HashTrieBitmapNode single && single.array.length == 2 && single.array[0] != null) {
                // Pull a lone leaf up, so that removals do not leave chains of one-slot nodes.
                return withSlot(i, single.array[0], single.array[1]);
            }
            return withSlot(i, null, newChild);
        }
        return key.equals(slotKey) ? withoutSlot(i, bit) : this;
    }

    @Override
    void forEach(BiConsumer<Object, Object> action) {
        for (int i = 0; i < array.length; i += 2) {
            if (array[i] == null) {
                ((HashTrieNode) array[i + 1]).forEach(action);
            } else {
                action.accept(array[i], array[i + 1]);
            }
        }
    }

    private HashTrieNode withSlot(int i, Object key, Object value) {
        Object[] copy = array.clone();
        copy[i] = key;
        copy[i + 1] = value;
        return new HashTrieBitmapNode(bitmap, copy);
    }

    private HashTrieNode withoutSlot(int i, int bit) {
        if (array.length == 2) {
            return null;
        }
        Object[] shrunk = new Object[array.length - 2];
        System.arraycopy(array, 0, shrunk, 0, i);
        System.arraycopy(array, i + 2, shrunk, i, array.length - i - 2);
        return new HashTrieBitmapNode(bitmap & ~bit, shrunk);
    }

    private static HashTrieNode merge(int shift, Object key1, Object value1, int hash2, Object key2, Object value2) {
        int hash1 = hash(key1);
        if (hash1 == hash2) {
            return new HashTrieCollisionNode(hash1, new Object[] {key1, value1, key2, value2});
        }
        // Distinct hashes differ in some five-bit group at or below shift 30, so this ends.
        return leaf(shift, hash1, key1, value1).put(shift, hash2, key2, value2);
    }
}
