package io.kehu.sdk.forms;

import io.kehu.sdk.LocalText;
import java.util.List;
import java.util.Optional;

/**
 * A published form, as much as a plugin needs to know about it.
 *
 * @param id the form id
 * @param label its name
 * @param titleField the field naming a record
 * @param fields its fields, in definition order
 */
public record FormInfo(String id, LocalText label, String titleField, List<FieldInfo> fields) {

    public FormInfo {
        fields = List.copyOf(fields);
    }

    public Optional<FieldInfo> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }
}
