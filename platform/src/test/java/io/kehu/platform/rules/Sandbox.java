package io.kehu.platform.rules;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.rules.script.RelatedRecords;
import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleRecord;
import io.kehu.platform.rules.script.RuleUser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sandbox without Spring, for unit tests and the benchmark: a compiler, a cache and a fixed context. */
final class Sandbox {

    /** A form with one field of each type rules read differently. */
    static final FormDefinition CUSTOMER = new FormDefinition("customer", null, null, null, 0, "name", null,
            List.of(field("name", FieldType.TEXT), field("level", FieldType.SELECT),
                    field("amount", FieldType.MONEY), field("employees", FieldType.INTEGER),
                    field("score", FieldType.DECIMAL), field("rating", FieldType.RATING),
                    field("signed_on", FieldType.DATE), field("met_at", FieldType.DATETIME),
                    field("active", FieldType.BOOLEAN), field("tags", FieldType.MULTISELECT),
                    field("phone", FieldType.PHONE), field("email", FieldType.EMAIL),
                    field("account_manager", FieldType.USER)),
            null, null, null);

    static final RelatedRecords.Source NO_RELATED = (form, field, id, where) -> List.of();

    final RuleCache cache;

    Sandbox(long timeoutMillis, long cacheSize, Map<String, Class<?>> functions) {
        cache = new RuleCache(new RuleCompiler(timeoutMillis, functions, Sandbox.class.getClassLoader()), cacheSize);
    }

    Sandbox() {
        this(200, 1000, Map.of());
    }

    static FieldDefinition field(String id, FieldType type) {
        FieldDefinition plain = FieldDefinition.of(id, type);
        if (!type.hasOptions()) {
            return plain;
        }
        return new FieldDefinition(id, type, null, null, false, null, null, null, null, null, null, null,
                List.of(new FieldOption("KEY", LocalizedText.of("大客户", "Key")),
                        new FieldOption("NORMAL", LocalizedText.of("一般", "Normal"))),
                false, false, false, false, false, null, null, null, null, null, null);
    }

    static RuleContext context(Map<String, ?> values) {
        return context(values, Map.of());
    }

    static RuleContext context(Map<String, ?> values, Map<String, Object> functions) {
        return new RuleContext(new RuleRecord(7L, values), RuleRecord.EMPTY,
                new RuleUser(3L, "manager", Set.of("MANAGER")), LocalDate.of(2025, 6, 15),
                OffsetDateTime.of(2025, 6, 15, 9, 30, 0, 0, ZoneOffset.UTC), NO_RELATED, functions);
    }

    CompiledRule compile(String script) {
        return cache.get(script, RecordTyping.of(CUSTOMER));
    }

    Object eval(String script, Map<String, ?> values) {
        return compile(script).evaluate(context(values));
    }
}
