package io.kehu.platform.records;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable field-id → value map in two arrays, for records that are held long and read little - the rows a
 * list screen keeps for its grid (see {@link Record#only}). About a fifth of a {@code LinkedHashMap} for the handful
 * of columns a list shows; lookups scan the keys, which for such sizes is as fast as hashing. Null values allowed,
 * insertion order kept.
 */
final class CompactValues extends AbstractMap<String, Object> {

    private final String[] keys;
    private final Object[] values;

    CompactValues(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) { // field ids usually are the very strings of the definition
                return i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
