package io.kehu.platform.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code record.<field>} means for one form: the typed accessor of {@code RuleRecord} each field is read with,
 * which decides its Java type under static compilation (text → String, integer/user/reference → Long, decimal, money
 * (its amount) and percent → BigDecimal, rating → Integer, date → LocalDate, datetime → OffsetDateTime, boolean →
 * Boolean, multiselect → List of String). Subtables are not visible to rules. The signature is part of the compile
 * cache key: changing a field's type recompiles the rules that read it.
 *
 * @param accessors field id → accessor method name
 * @param signature the accessors as one text, for cache keys
 */
record RecordTyping(Map<String, String> accessors, String signature) {

    /** Typing per definition object (by identity: definitions are immutable and published ones are shared). */
    private static final Cache<FormDefinition, RecordTyping> BY_FORM = Caffeine.newBuilder().weakKeys().build();

    static RecordTyping of(FormDefinition form) {
        return BY_FORM.get(form, RecordTyping::build);
    }

    private static RecordTyping build(FormDefinition form) {
        Map<String, String> accessors = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            String accessor = accessor(f.storedType());
            if (accessor != null) {
                accessors.put(f.id(), accessor);
            }
        }
        return new RecordTyping(Map.copyOf(accessors), accessors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")));
    }

    static String accessor(FieldType type) {
        return switch (type) {
            case TEXT, TEXTAREA, SELECT, EMAIL, PHONE, URL -> "text";
            case INTEGER, USER, REFERENCE -> "whole";
            case DECIMAL, MONEY, PERCENT -> "decimal";
            case RATING -> "rating";
            case DATE -> "date";
            case DATETIME -> "dateTime";
            case BOOLEAN -> "bool";
            case MULTISELECT -> "list";
            case SUBTABLE, COMPUTED -> null;
        };
    }
}
