package io.kehu.platform.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One field of a form, as written in its definition. Only {@code id} and {@code type} are required in JSON; absent
 * keys take the defaults documented in {@code docs/form-definitions.md}.
 *
 * @param id identifier and column name: {@code [a-z][a-z0-9_]*}, at most {@value FormTables#MAX_IDENTIFIER_LENGTH}
 *           characters, not reserved
 * @param type the field type
 * @param label what users see (zh/en)
 * @param help help text under the field (zh/en)
 * @param required whether a value is needed on save
 * @param defaultValue JSON default for new records (a string, number, boolean or list for multiselect), or null
 * @param min smallest allowed number (numbers, money, percent, rating) or null
 * @param max largest allowed number or null
 * @param maxLength longest allowed text, or null for the type's default
 * @param pattern a regular expression the text must match in full, or null
 * @param scale digits after the decimal point for decimal fields, or null for the default
 * @param currency default currency code for money fields (ISO 4217), or null for CNY
 * @param options choices of select/multiselect fields, in display order
 * @param unique whether two live records may not share a value
 * @param indexed whether to index the column for filtering and sorting
 * @param readOnly whether users may not edit it (rules, imports and plugins still set it)
 * @param showInList whether list views show it by default
 * @param searchable whether quick search looks into it
 * @param visibleWhen Groovy condition under which the field is shown, or null for always
 * @param requiredWhen Groovy condition under which the field is required, or null
 * @param form target form of reference and subtable fields, or null
 * @param expression Groovy expression of computed fields, or null
 * @param resultType the stored type of computed fields (a plain type such as decimal or text), or null
 * @param access role restrictions on this field
 */
public record FieldDefinition(
        String id,
        FieldType type,
        LocalizedText label,
        LocalizedText help,
        boolean required,
        Object defaultValue,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength,
        String pattern,
        Integer scale,
        String currency,
        List<FieldOption> options,
        boolean unique,
        boolean indexed,
        boolean readOnly,
        boolean showInList,
        boolean searchable,
        String visibleWhen,
        String requiredWhen,
        String form,
        String expression,
        FieldType resultType,
        AccessRule access) {

    public FieldDefinition {
        label = label == null ? LocalizedText.EMPTY : label;
        help = help == null ? LocalizedText.EMPTY : help;
        options = options == null ? List.of() : List.copyOf(options);
        access = access == null ? AccessRule.UNRESTRICTED : access;
    }

    /** A plain field with defaults everywhere, for code and tests: {@code FieldDefinition.of("name", TEXT)}. */
    public static FieldDefinition of(String id, FieldType type) {
        return builder(id, type).build();
    }

    /**
     * A field built key by key, the way main code makes fields: unlike the positional constructor, adding or renaming
     * a component does not silently shift every call.
     */
    public static Builder builder(String id, FieldType type) {
        return new Builder(id, type);
    }

    /** A builder holding every key of this field, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(id, type);
        b.label = label;
        b.help = help;
        b.required = required;
        b.defaultValue = defaultValue;
        b.min = min;
        b.max = max;
        b.maxLength = maxLength;
        b.pattern = pattern;
        b.scale = scale;
        b.currency = currency;
        b.options = options;
        b.unique = unique;
        b.indexed = indexed;
        b.readOnly = readOnly;
        b.showInList = showInList;
        b.searchable = searchable;
        b.visibleWhen = visibleWhen;
        b.requiredWhen = requiredWhen;
        b.form = form;
        b.expression = expression;
        b.resultType = resultType;
        b.access = access;
        return b;
    }

    /** Builds a {@link FieldDefinition}; keys not set take the defaults documented on the record. */
    public static final class Builder {

        private String id;
        private FieldType type;
        private LocalizedText label;
        private LocalizedText help;
        private boolean required;
        private Object defaultValue;
        private BigDecimal min;
        private BigDecimal max;
        private Integer maxLength;
        private String pattern;
        private Integer scale;
        private String currency;
        private List<FieldOption> options;
        private boolean unique;
        private boolean indexed;
        private boolean readOnly;
        private boolean showInList;
        private boolean searchable;
        private String visibleWhen;
        private String requiredWhen;
        private String form;
        private String expression;
        private FieldType resultType;
        private AccessRule access;

        private Builder(String id, FieldType type) {
            this.id = id;
            this.type = type;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(FieldType type) {
            this.type = type;
            return this;
        }

        public Builder label(LocalizedText label) {
            this.label = label;
            return this;
        }

        public Builder help(LocalizedText help) {
            this.help = help;
            return this;
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder defaultValue(Object defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder min(BigDecimal min) {
            this.min = min;
            return this;
        }

        public Builder max(BigDecimal max) {
            this.max = max;
            return this;
        }

        public Builder maxLength(Integer maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        public Builder scale(Integer scale) {
            this.scale = scale;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder options(List<FieldOption> options) {
            this.options = options;
            return this;
        }

        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        public Builder indexed(boolean indexed) {
            this.indexed = indexed;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder showInList(boolean showInList) {
            this.showInList = showInList;
            return this;
        }

        public Builder searchable(boolean searchable) {
            this.searchable = searchable;
            return this;
        }

        public Builder visibleWhen(String visibleWhen) {
            this.visibleWhen = visibleWhen;
            return this;
        }

        public Builder requiredWhen(String requiredWhen) {
            this.requiredWhen = requiredWhen;
            return this;
        }

        public Builder form(String form) {
            this.form = form;
            return this;
        }

        public Builder expression(String expression) {
            this.expression = expression;
            return this;
        }

        public Builder resultType(FieldType resultType) {
            this.resultType = resultType;
            return this;
        }

        public Builder access(AccessRule access) {
            this.access = access;
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(id, type, label, help, required, defaultValue, min, max, maxLength, pattern, scale, currency, options, unique, indexed, readOnly, showInList, searchable, visibleWhen, requiredWhen, form, expression, resultType, access);
        }
    }

    /** The type values are stored as: the result type of computed fields, else the field's own type. */
    public FieldType storedType() {
        return type == FieldType.COMPUTED && resultType != null ? resultType : type;
    }

    public Optional<FieldOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
