package io.kehu.platform.forms.storage;

import io.kehu.platform.forms.FormDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database already holds for one form: its published definition and every field column made for it,
 * live or hidden. Schema sync plans against this rather than against the previous definition alone, because hidden
 * fields are no longer in any current definition but their columns (and values) are still there.
 *
 * @param published the current published definition, or null when the form was never published
 * @param fields stored fields by id, live and hidden
 */
public record FormStorage(FormDefinition published, Map<String, StoredField> fields) {

    public FormStorage {
        fields = Map.copyOf(fields);
    }

    public static FormStorage none() {
        return new FormStorage(null, Map.of());
    }

    /** The storage a definition had if it was published once on an empty database: all fields live and fresh. */
    static FormStorage of(FormDefinition published) {
        if (published == null) {
            return none();
        }
        Map<String, StoredField> fields = new LinkedHashMap<>();
        published.fields().forEach(f -> fields.put(f.id(), StoredField.live(f)));
        return new FormStorage(published, fields);
    }

    boolean exists() {
        return published != null;
    }
}
