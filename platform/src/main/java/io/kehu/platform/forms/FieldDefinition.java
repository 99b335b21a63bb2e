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
        return new FieldDefinition(id, type, null, null, false, null, null, null, null, null, null, null, null,
                false, false, false, false, false, null, null, null, null, null, null);
    }

    /** The type values are stored as: the result type of computed fields, else the field's own type. */
    public FieldType storedType() {
        return type == FieldType.COMPUTED && resultType != null ? resultType : type;
    }

    public Optional<FieldOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
