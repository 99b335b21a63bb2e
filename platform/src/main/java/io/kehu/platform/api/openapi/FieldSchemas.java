package io.kehu.platform.api.openapi;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of one field's value, as the API writes it ({@link #output}) and
 * accepts it ({@link #input}): the shapes of {@code rest.RecordJson}.
 */
final class FieldSchemas {

    private static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    private FieldSchemas() {
    }

    static Map<String, Object> output(FieldDefinition field, Locale language) {
        Map<String, Object> schema = base(field, false);
        describe(schema, field, language);
        return nullable(schema);
    }

    static Map<String, Object> input(FieldDefinition field, Locale language) {
        Map<String, Object> schema = base(field, true);
        describe(schema, field, language);
        return nullable(schema);
    }

    private static Map<String, Object> base(FieldDefinition field, boolean input) {
        Map<String, Object> s = new LinkedHashMap<>();
        FieldType type = field.type() == FieldType.COMPUTED && field.resultType() != null ? field.resultType()
                : field.storedType();
        switch (type) {
            case TEXT, TEXTAREA, PHONE -> {
                s.put("type", "string");
                if (field.maxLength() != null) {
                    s.put("maxLength", field.maxLength());
                }
            }
            case EMAIL -> {
                s.put("type", "string");
                s.put("format", "email");
            }
            case URL -> {
                s.put("type", "string");
                s.put("format", "uri");
            }
            case INTEGER -> {
                s.put("type", "integer");
                s.put("format", "int64");
                bounds(s, field);
            }
            case DECIMAL, PERCENT -> {
                if (input) {
                    s.put("type", List.of("string", "number"));
                } else {
                    s.put("type", "string");
                    s.put("pattern", DECIMAL_PATTERN);
                }
            }
            case MONEY -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("type", "object");
                Map<String, Object> amount = new LinkedHashMap<>();
                amount.put("type", input ? List.of("string", "number") : "string");
                Map<String, Object> currency = new LinkedHashMap<>();
                currency.put("type", "string");
                currency.put("pattern", "^[A-Z]{3}$");
                object.put("properties", Map.of("amount", amount, "currency", currency));
                object.put("required", input ? List.of("amount") : List.of("amount", "currency"));
                if (input) {
                    s.put("oneOf", List.of(object, Map.of("type", "string"), Map.of("type", "number")));
                } else {
                    s.putAll(object);
                }
            }
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
            }
            case DATETIME -> {
                s.put("type", "string");
                s.put("format", "date-time");
            }
            case BOOLEAN -> s.put("type", "boolean");
            case SELECT -> {
                s.put("type", "string");
                s.put("enum", options(field));
            }
            case MULTISELECT -> {
                s.put("type", "array");
                s.put("items", Map.of("type", "string", "enum", options(field)));
                s.put("uniqueItems", true);
            }
            case RATING -> {
                s.put("type", "integer");
                s.put("minimum", 1);
                s.put("maximum", 5);
            }
            case USER, REFERENCE -> {
                s.put("type", "integer");
                s.put("format", "int64");
            }
            default -> s.put("type", "string");
        }
        if (field.readOnly() || field.type() == FieldType.COMPUTED) {
            s.put("readOnly", true);
        }
        return s;
    }

    private static void bounds(Map<String, Object> s, FieldDefinition field) {
        if (field.min() != null) {
            s.put("minimum", field.min());
        }
        if (field.max() != null) {
            s.put("maximum", field.max());
        }
    }

    private static List<String> options(FieldDefinition field) {
        List<String> values = new ArrayList<>();
        for (FieldOption o : field.options()) {
            values.add(o.value());
        }
        return values;
    }

    /** Empty values are {@code null}: the type gains "null" (and an enum gains null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String t && !"array".equals(t)) {
            schema.put("type", List.of(t, "null"));
            if (schema.get("enum") instanceof List<?> values) {
                List<Object> withNull = new ArrayList<>((List<Object>) values);
                withNull.add(null);
                schema.put("enum", withNull);
            }
        } else if (type instanceof List<?> types) {
            List<Object> withNull = new ArrayList<>(types);
            withNull.add("null");
            schema.put("type", withNull);
        } else if (schema.containsKey("oneOf")) {
            List<Object> alternatives = new ArrayList<>((List<Object>) schema.get("oneOf"));
            alternatives.add(Map.of("type", "null"));
            schema.put("oneOf", alternatives);
        }
        return schema;
    }

    private static void describe(Map<String, Object> schema, FieldDefinition field, Locale language) {
        String label = text(field.label(), language, field.id());
        String help = text(field.help(), language, null);
        schema.put("title", label);
        StringBuilder description = new StringBuilder(label);
        if (help != null) {
            description.append(" — ").append(help);
        }
        if (field.type().hasOptions()) {
            description.append(" (");
            List<String> shown = new ArrayList<>();
            for (FieldOption o : field.options()) {
                shown.add(o.value() + " = " + text(o.label(), language, o.value()));
            }
            description.append(String.join(", ", shown)).append(')');
        }
        schema.put("description", description.toString());
        schema.put("x-kehu-type", field.type().jsonName());
        schema.put("x-kehu-label", Map.of("zh", nonNull(field.label().zh()), "en", nonNull(field.label().en())));
    }

    static String text(LocalizedText text, Locale language, String fallback) {
        String value = text == null ? null : text.in(language);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
