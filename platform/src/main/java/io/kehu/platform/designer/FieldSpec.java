package io.kehu.platform.designer;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A field as the property panel edits it: one mutable copy of an immutable {@link FieldDefinition}, changed key by key
 * and turned back into a definition after every edit. It holds whatever the administrator typed, valid or not; the
 * designer's validation says what is wrong.
 */
final class FieldSpec {

    String id;
    FieldType type;
    String labelZh;
    String labelEn;
    String helpZh;
    String helpEn;
    boolean required;
    Object defaultValue;
    BigDecimal min;
    BigDecimal max;
    Integer maxLength;
    String pattern;
    Integer scale;
    String currency;
    List<FieldOption> options;
    boolean unique;
    boolean indexed;
    boolean readOnly;
    boolean showInList;
    boolean searchable;
    String visibleWhen;
    String requiredWhen;
    String form;
    String expression;
    FieldType resultType;
    Set<Role> read;
    Set<Role> write;

    static FieldSpec of(FieldDefinition f) {
        FieldSpec s = new FieldSpec();
        s.id = f.id();
        s.type = f.type();
        s.labelZh = f.label().zh();
        s.labelEn = f.label().en();
        s.helpZh = f.help().zh();
        s.helpEn = f.help().en();
        s.required = f.required();
        s.defaultValue = f.defaultValue();
        s.min = f.min();
        s.max = f.max();
        s.maxLength = f.maxLength();
        s.pattern = f.pattern();
        s.scale = f.scale();
        s.currency = f.currency();
        s.options = new ArrayList<>(f.options());
        s.unique = f.unique();
        s.indexed = f.indexed();
        s.readOnly = f.readOnly();
        s.showInList = f.showInList();
        s.searchable = f.searchable();
        s.visibleWhen = f.visibleWhen();
        s.requiredWhen = f.requiredWhen();
        s.form = f.form();
        s.expression = f.expression();
        s.resultType = f.resultType();
        s.read = f.access().read();
        s.write = f.access().write();
        return s;
    }

    FieldDefinition toDefinition() {
        return FieldDefinition.builder(id, type)
                .label(text(labelZh, labelEn))
                .help(text(helpZh, helpEn))
                .required(required)
                .defaultValue(defaultValue)
                .min(min)
                .max(max)
                .maxLength(maxLength)
                .pattern(blankToNull(pattern))
                .scale(scale)
                .currency(blankToNull(currency))
                .options(options)
                .unique(unique)
                .indexed(indexed)
                .readOnly(readOnly)
                .showInList(showInList)
                .searchable(searchable)
                .visibleWhen(blankToNull(visibleWhen))
                .requiredWhen(blankToNull(requiredWhen))
                .form(blankToNull(form))
                .expression(blankToNull(expression))
                .resultType(resultType)
                .access(new AccessRule(read, write))
                .build();
    }

    /**
     * Changes the type and drops the keys the new type does not take (options of a former select, the target form of
     * a former reference, number bounds, ...), which the reader would otherwise refuse; the default is dropped too,
     * since it was written for the old type. A new select gets one option to start from.
     */
    void changeType(FieldType next) {
        type = next;
        FieldType stored = next == FieldType.COMPUTED ? (resultType == null ? FieldType.INTEGER : resultType) : next;
        defaultValue = null;
        if (!next.hasOptions()) {
            options = new ArrayList<>();
        } else if (options.isEmpty()) {
            options = new ArrayList<>(List.of(new FieldOption("option_1", LocalizedText.of("选项 1", "Option 1"))));
        }
        if (!next.targetsForm()) {
            form = null;
        }
        if (next != FieldType.COMPUTED) {
            expression = null;
            resultType = null;
        } else {
            expression = expression == null ? "1" : expression;
            resultType = stored;
        }
        boolean number = stored == FieldType.INTEGER || stored == FieldType.DECIMAL || stored == FieldType.MONEY
                || stored == FieldType.PERCENT || stored == FieldType.RATING;
        if (!number) {
            min = null;
            max = null;
        }
        boolean text = stored == FieldType.TEXT || stored == FieldType.TEXTAREA;
        if (!text) {
            maxLength = null;
        }
        if (!text && stored != FieldType.EMAIL && stored != FieldType.PHONE && stored != FieldType.URL) {
            pattern = null;
        }
        if (stored != FieldType.DECIMAL) {
            scale = null;
        }
        if (stored != FieldType.MONEY) {
            currency = null;
        }
        if (stored == FieldType.MULTISELECT || stored == FieldType.SUBTABLE || stored == FieldType.TEXTAREA) {
            unique = false;
            indexed = false;
        }
    }

    /**
     * The default value as the reader would hold it, from what was typed: whole numbers for integer and rating,
     * decimals for other numbers, {@code true}/{@code false} for booleans, comma-separated values for multiselect.
     * Text that does not fit stays text, so the reader reports it instead of it being lost.
     */
    static Object parseDefault(FieldType storedType, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        try {
            switch (storedType) {
                case INTEGER, RATING -> {
                    return Long.parseLong(t);
                }
                case DECIMAL, MONEY, PERCENT -> {
                    return new BigDecimal(t);
                }
                case BOOLEAN -> {
                    return "true".equals(t) ? Boolean.TRUE : "false".equals(t) ? Boolean.FALSE : t;
                }
                case MULTISELECT -> {
                    return Arrays.stream(t.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
                }
                default -> {
                    return typed;
                }
            }
        } catch (NumberFormatException notANumber) {
            return t;
        }
    }

    /** How a default value is shown for editing: lists comma-separated, everything else as text. */
    static String showDefault(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    static LocalizedText text(String zh, String en) {
        String z = blankToNull(zh);
        String e = blankToNull(en);
        return z == null && e == null ? LocalizedText.EMPTY : new LocalizedText(z, e);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
