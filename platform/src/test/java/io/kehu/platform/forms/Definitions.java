package io.kehu.platform.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds form definitions in tests without spelling out all 24 components of a field. */
public final class Definitions {

    private Definitions() {
    }

    public static FormDefinition form(String id, FieldDefinition... fields) {
        return new FormDefinition(id, LocalizedText.of(id, id), null, "crm", 0,
                fields.length == 0 ? null : fields[0].id(), null, List.of(fields), null, null, null);
    }

    /** {@code form} with {@code ownerField} (null: no owner) as the field that makes STAFF users owners. */
    public static FormDefinition ownedBy(String ownerField, FormDefinition form) {
        return new FormDefinition(form.id(), form.label(), form.icon(), form.navigationGroup(),
                form.navigationOrder(), form.titleField(), ownerField, form.fields(), form.layout(), form.rules(),
                form.access(), form.ownerDefault());
    }

    public static Field field(String id, FieldType type) {
        return new Field(id, type);
    }

    /** A field under construction; {@link #get()} makes the record. */
    public static final class Field {
        private final String id;
        private final FieldType type;
        private Integer maxLength;
        private Integer scale;
        private boolean unique;
        private boolean indexed;
        private String form;
        private FieldType resultType;
        private Object defaultValue;
        private BigDecimal min;
        private final List<FieldOption> options = new ArrayList<>();

        Field(String id, FieldType type) {
            this.id = id;
            this.type = type;
        }

        public Field maxLength(int value) {
            maxLength = value;
            return this;
        }

        public Field scale(int value) {
            scale = value;
            return this;
        }

        public Field unique() {
            unique = true;
            return this;
        }

        public Field indexed() {
            indexed = true;
            return this;
        }

        public Field form(String value) {
            form = value;
            return this;
        }

        public Field resultType(FieldType value) {
            resultType = value;
            return this;
        }

        public Field defaultValue(Object value) {
            defaultValue = value;
            return this;
        }

        public Field min(BigDecimal value) {
            min = value;
            return this;
        }

        public Field options(String... values) {
            Arrays.stream(values).forEach(v -> options.add(new FieldOption(v, LocalizedText.of(v + "中", v))));
            return this;
        }

        public FieldDefinition get() {
            return new FieldDefinition(id, type, LocalizedText.of(id + "中", id), null, false, defaultValue, min, null,
                    maxLength, null, scale, null, options, unique, indexed, false, true, false, null, null, form,
                    null, resultType, null);
        }
    }
}
