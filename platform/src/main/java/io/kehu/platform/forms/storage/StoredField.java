package io.kehu.platform.forms.storage;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormTables;

/**
 * What schema sync has made for one field and remembers in {@code kehu_form_column}: the definition it was last
 * published with, the shape of its column and whether it is hidden (removed from the definition, column and values
 * kept so that adding the field back restores them).
 *
 * @param definition the field as last published
 * @param shape its column in the form's table, or null for multiselect and subtable fields
 * @param hidden whether the current definition no longer has the field
 */
public record StoredField(FieldDefinition definition, ColumnShape shape, boolean hidden) {

    /** A field as a fresh column would store it. */
    static StoredField live(FieldDefinition field) {
        FieldType type = field.storedType();
        return new StoredField(field, type.storedInOwnTable() ? ColumnShape.of(FormTables.columnType(field)) : null,
                false);
    }
}
