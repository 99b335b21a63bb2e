package io.kehu.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Export: every key of the model survives writing and reading back, and the output is the documented format. */
class DefinitionWriterTest {

    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionWriter writer = new DefinitionWriter();

    @Test
    void everyKeyOfTheModelSurvivesARoundTrip() {
        FormDefinition form = new FormDefinition("service_visit", LocalizedText.of("上门服务", "Service visit"),
                "truck", "service", 20, "subject", "engineer",
                List.of(
                        new FieldDefinition("subject", FieldType.TEXT, LocalizedText.of("主题", "Subject"),
                                LocalizedText.of("简要说明", null), true, "例行保养", null, null, 80, "\\S.*", null, null,
                                null, true, true, false, true, true, null, null, null, null, null, null),
                        new FieldDefinition("visit_fee", FieldType.MONEY, LocalizedText.of("上门费", "Visit fee"),
                                null, false, new BigDecimal("50.00"), BigDecimal.ZERO, new BigDecimal("5000"), null,
                                null, null, "CNY", null, false, false, false, false, false,
                                "record.paid == true", null, null, null, null,
                                new AccessRule(Set.of(Role.MANAGER), Set.of(Role.ADMIN))),
                        new FieldDefinition("hours", FieldType.DECIMAL, null, null, false, null, new BigDecimal("0.5"),
                                null, null, null, 1, null, null, false, false, false, false, false, null, null,
                                null, null, null, null),
                        new FieldDefinition("satisfaction", FieldType.RATING, null, null, false, 5L,
                                BigDecimal.ONE, BigDecimal.valueOf(5), null, null, null, null, null, false, false,
                                false, false, false, null, "record.done", null, null, null, null),
                        new FieldDefinition("services", FieldType.MULTISELECT, null, null, false, List.of("repair"),
                                null, null, null, null, null, null,
                                List.of(new FieldOption("repair", LocalizedText.of("维修", "Repair")),
                                        new FieldOption("install", LocalizedText.EMPTY)),
                                false, false, false, false, false, null, null, null, null, null, null),
                        new FieldDefinition("visited_on", FieldType.DATE, null, null, false, "2024-05-01", null,
                                null, null, null, null, null, null, false, false, false, false, false, null, null,
                                null, null, null, null),
                        new FieldDefinition("done", FieldType.BOOLEAN, null, null, false, false, null, null, null,
                                null, null, null, null, false, false, true, false, false, null, null, null, null,
                                null, null),
                        new FieldDefinition("customer", FieldType.REFERENCE, null, null, true, null, null, null,
                                null, null, null, null, null, false, true, false, false, false, null, null,
                                "customer", null, null, null),
                        new FieldDefinition("parts", FieldType.SUBTABLE, null, null, false, null, null, null, null,
                                null, null, null, null, false, false, false, false, false, null, null,
                                "spare_part", null, null, null),
                        new FieldDefinition("total", FieldType.COMPUTED, null, null, false, null, null, null, null,
                                null, null, null, null, false, false, true, false, false, null, null, null,
                                "record.visit_fee * 2", FieldType.DECIMAL, null),
                        FieldDefinition.of("engineer", FieldType.USER)),
                List.of(new LayoutSection(LocalizedText.of("服务", "Service"), null, 3,
                                List.of("subject", "visit_fee", "hours")),
                        new LayoutSection(LocalizedText.EMPTY, LocalizedText.of("更多", "More"), 1,
                                List.of("parts", "total"))),
                List.of(new FormRule("validate", "record.hours > 0",
                        LocalizedText.of("工时必须大于零", "Hours must be positive"))),
                new AccessRule(Set.of(Role.STAFF), Set.of(Role.MANAGER, Role.ADMIN)));

        String json = writer.write(form);
        FormDefinition back = reader.read("service_visit.json", json, Set.of("customer", "spare_part"));

        assertThat(back).isEqualTo(form);
    }

    @Test
    void writesTheDocumentedFormatWithoutDefaults() {
        FormDefinition form = reader.read("sample.json", """
                {"id": "sample", "label": {"zh": "样例", "en": "Sample"}, "navigation": {"group": "customers"},
                 "fields": [{"id": "level", "type": "select", "required": false, "options": ["KEY"],
                             "permissions": {"read": ["STAFF"]}}],
                 "permissions": {"read": ["Admin"]}}
                """);

        assertThat(writer.write(form)).isEqualTo("""
                {
                  "$schema": "./schema/form-definition.schema.json",
                  "id": "sample",
                  "label": {
                    "zh": "样例",
                    "en": "Sample"
                  },
                  "navigation": {
                    "group": "customers",
                    "order": 0
                  },
                  "fields": [ {
                    "id": "level",
                    "type": "select",
                    "options": [ "KEY" ],
                    "permissions": {
                      "read": [ "staff" ]
                    }
                  } ],
                  "permissions": {
                    "read": [ "admin" ]
                  }
                }
                """);
    }
}
