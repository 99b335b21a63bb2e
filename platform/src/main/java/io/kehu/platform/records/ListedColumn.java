package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.records.RecordQuery.Operator;
import java.util.Set;

/**
 * A contributed column as a list shows it to one viewer: a read-only field definition (id, label, type, options,
 * scale of the value field) the list's grid, filter bar, cards and formatter use like a field of the form.
 *
 * @param field the column as a field: its id is the column id
 * @param sortable whether the list may sort by it
 * @param operators the comparisons it may be filtered with (empty: not filterable)
 * @param origin who contributes it (a plugin id)
 */
public record ListedColumn(FieldDefinition field, boolean sortable, Set<Operator> operators, String origin) {

    public String id() {
        return field.id();
    }
}
