package io.kehu.platform.records;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable field-id → value map in two arrays, for records that are held long and read little - the rows a
 * list screen keeps for its grid (see {@link Record#only}). About a fifth of a {@code LinkedHashMap} for the handful
 * of columns a list shows; lookups scan the keys, which for such sizes is as fast as hashing. Null values allowed,
 * insertion order kept.
 *
 * <p>The rows of one page read from the store ({@link RecordReader}) share their keys and an index of them
 * ({@link Layout}): each row is then one array of values instead of a {@code LinkedHashMap} of 45 entries, whose
 * filling was about a tenth of a list page's JVM time (issue 15, read (a), JFR profile).
 */
final class CompactValues extends AbstractMap<String, Object> {

    /** Keys shared by many rows, with an index of them (for rows with many fields, where a scan is slow). */
    static final class Layout {

        private final String[] keys;
        private final Map<String, Integer> index;

        Layout(List<String> keys) {
            this.keys = keys.toArray(String[]::new);
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < this.keys.length; i++) {
                at.putIfAbsent(this.keys[i], i);
            }
            this.index = at;
        }

        int size() {
            return keys.length;
        }

        /** A row of this layout; {@code values} (one per key, in key order) is handed over, not copied. */
        CompactValues row(Object[] values) {
            return new CompactValues(keys, values, index);
        }
    }

    private final String[] keys;
    private final Object[] values;
    private final Map<String, Integer> index;

    CompactValues(String[] keys, Object[] values) {
        this(keys, values, null);
    }

    private CompactValues(String[] keys, Object[] values, Map<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.index = index;
    }

    private int indexOf(Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
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
