package io.kehu.platform.forms;

/**
 * One step of a {@link SchemaChange}. Every step is additive and can run again without harm (it is skipped when its
 * object already exists), which lets a publish that failed halfway on H2 simply be repeated. {@link #description()}
 * is what the designer shows before publishing.
 */
public sealed interface SchemaStep {

    /** The form the step belongs to. */
    String formId();

    /** What the step does, in one English sentence with the physical names. */
    String description();

    /** Steps run in stages so that every table exists before its columns, and columns before their indexes. */
    int stage();

    /** Creates a form's table with the system columns of {@link FormTables#SYSTEM_COLUMN_TYPES}. */
    record CreateTable(String formId, String table) implements SchemaStep {
        public String description() {
            return "Create table " + table + " for form " + formId;
        }

        public int stage() {
            return 0;
        }
    }

    /** Adds a nullable column for a new field (money fields get a second one for the currency). */
    record AddColumn(String formId, String fieldId, String table, String column, ColumnShape shape)
            implements SchemaStep {
        public String description() {
            return "Add column " + table + "." + column + " " + shape.text() + " for field " + fieldId;
        }

        public int stage() {
            return 1;
        }
    }

    /** Creates the side table that holds a multiselect field's values, one row per chosen value. */
    record CreateSideTable(String formId, String fieldId, String table) implements SchemaStep {
        public String description() {
            return "Create table " + table + " for the values of multiselect field " + formId + "." + fieldId;
        }

        public int stage() {
            return 1;
        }
    }

    /** Changes a column to a type that holds every value it held before (longer text, more digits). */
    record WidenColumn(String formId, String fieldId, String table, String column, ColumnShape from,
            ColumnShape to) implements SchemaStep {
        public String description() {
            return "Widen column " + table + "." + column + " from " + from.text() + " to " + to.text();
        }

        public int stage() {
            return 1;
        }
    }

    /** Drops an index the definition no longer asks for (a field that stopped being unique); data stays. */
    record DropIndex(String formId, String fieldId, String table, String name) implements SchemaStep {
        public String description() {
            return "Drop index " + name + " on " + table;
        }

        public int stage() {
            return 2;
        }
    }

    /**
     * Creates an index, unique for unique fields.
     *
     * @param fieldId the field indexed, or null for a system column
     * @param existingColumn whether the column already holds values (a new unique index may then meet duplicates)
     */
    record CreateIndex(String formId, String fieldId, String table, String column, String name, boolean unique,
            boolean existingColumn) implements SchemaStep {
        public String description() {
            return "Create " + (unique ? "unique index " : "index ") + name + " on " + table + "(" + column + ")";
        }

        public int stage() {
            return 3;
        }
    }

    /**
     * Creates an owner-led index of a form with an owner field: on (owner column, {@code id} descending) when
     * {@code sortColumn} is null ({@link FormTables#ownerIndex}), else on (owner column, {@code sortColumn}) for an
     * indexed date field ({@link FormTables#ownerSortIndex}); dropped with {@link DropIndex} when the owner field or
     * the date field changes.
     */
    record CreateOwnerIndex(String formId, String ownerField, String table, String name, String sortColumn)
            implements SchemaStep {
        public CreateOwnerIndex(String formId, String ownerField, String table, String name) {
            this(formId, ownerField, table, name, null);
        }

        public String description() {
            return "Create index " + name + " on " + table + "(" + ownerField + ", "
                    + (sortColumn == null ? FormTables.ID + " desc" : sortColumn) + ") for owners' lists";
        }

        public int stage() {
            return 3;
        }
    }

    /** Marks a removed field hidden: its column and values stay, nothing is dropped. */
    record HideField(String formId, String fieldId) implements SchemaStep {
        public String description() {
            return "Hide field " + formId + "." + fieldId + " (its column and values are kept)";
        }

        public int stage() {
            return 4;
        }
    }

    /** Brings a hidden field back: its column still holds the values it had when it was removed. */
    record RestoreField(String formId, String fieldId) implements SchemaStep {
        public String description() {
            return "Restore hidden field " + formId + "." + fieldId + " with its kept values";
        }

        public int stage() {
            return 4;
        }
    }
}
