package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as JSON, both ways. Out: system members ({@code id}, {@code row_version}, {@code created_at}, ...) then the
 * fields the reader may read, typed by field type: decimals, percentages and money amounts as strings (exact, never
 * a binary float), money as {@code {"amount": "12.50", "currency": "CNY"}}, dates {@code 2026-11-23}, date-times in
 * UTC ISO 8601, multiselects as arrays, users and references as the id number. In: the same shapes (numbers are also
 * accepted for decimals and money, and money as a plain amount in the field's currency); unknown fields, system
 * members and subtables are refused by name at their JSON pointer.
 */
final class RecordJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** Members the platform sets: never taken from a request body. */
    static final Set<String> SYSTEM_MEMBERS = Set.of(FormTables.ID, FormTables.ROW_VERSION, FormTables.PARENT_ID,
            FormTables.CREATED_AT, FormTables.CREATED_BY, FormTables.UPDATED_AT, FormTables.UPDATED_BY,
            FormTables.DELETED_AT, FormTables.DELETED_BY);

    private RecordJson() {
    }

    /** The record as a JSON object; {@code only} limits the fields (null: every readable field). */
    static Map<String, Object> toJson(FormDefinition form, Record record, Collection<String> only) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(FormTables.ID, record.id());
        json.put(FormTables.ROW_VERSION, record.rowVersion());
        if (record.parentId() != null) {
            json.put(FormTables.PARENT_ID, record.parentId());
        }
        json.put(FormTables.CREATED_AT, instant(record.createdAt()));
        json.put(FormTables.CREATED_BY, record.createdBy());
        json.put(FormTables.UPDATED_AT, instant(record.updatedAt()));
        json.put(FormTables.UPDATED_BY, record.updatedBy());
        if (record.deleted()) {
            json.put(FormTables.DELETED_AT, instant(record.deletedAt()));
            json.put(FormTables.DELETED_BY, record.deletedBy());
        }
        for (FieldDefinition f : form.fields()) {
            if (record.values().has(f.id()) && (only == null || only.contains(f.id()))) {
                json.put(f.id(), value(record.get(f.id())));
            }
        }
        return json;
    }

    /** The record as {@link RecordWriter} writes it, as text: the answer of a create (no map, no second walk). */
    static String toJsonText(FormDefinition form, Record record) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            RecordWriter.of(form, null, List.of()).write(json, record);
        }
        return text.toString();
    }

    /** One typed value as JSON. */
    static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            case Money m -> {
                Map<String, Object> money = new LinkedHashMap<>();
                money.put("amount", m.amount().toPlainString());
                money.put("currency", m.currency());
                yield money;
            }
            case LocalDate d -> d.toString();
            case OffsetDateTime t -> instant(t);
            case Collection<?> c -> new ArrayList<>(c);
            default -> value;
        };
    }

    /**
     * {@code t} in UTC as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it ({@code 2026-11-23T01:30:00Z},
     * {@code 2026-11-23T01:30:00.12Z}: seconds always, the fraction without trailing zeros, none when zero), built by
     * hand for four-digit years ({@link RecordWriter#instant}): the formatter's general machinery cost more than the
     * rest of a record's JSON.
     */
    static String instant(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        char[] text = new char[32];
        int length = RecordWriter.instant(t, text);
        return length < 0 ? t.withOffsetSameInstant(ZoneOffset.UTC).format(INSTANT) : new String(text, 0, length);
    }

    /**
     * The values of a request body for {@code Records}: JSON types become the typed or text forms {@code Records}
     * converts. Refuses (422, every problem at once) system members, unknown fields and subtables.
     */
    static Map<String, Object> fromJson(FormDefinition form, JsonNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>(0);
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            if (SYSTEM_MEMBERS.contains(name)) {
                problems.add(FieldProblem.atPointer(pointer(name), "system_field", "api.problem.system_field", name));
                continue;
            }
            FieldDefinition field = form.field(name).orElse(null);
            if (field == null) {
                problems.add(FieldProblem.atPointer(pointer(name), "unknown_field", "api.problem.unknown_field", name));
                continue;
            }
            values.put(name, javaValue(field, member.getValue()));
        }
        if (!problems.isEmpty()) {
            ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", problems.size());
            problems.forEach(problem::error);
            throw problem;
        }
        return values;
    }

    /** The JSON pointer (RFC 6901) of top-level member {@code name}. */
    private static String pointer(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }

    private static Object javaValue(FieldDefinition field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return field.storedType() == FieldType.INTEGER || field.storedType() == FieldType.USER
                    || field.storedType() == FieldType.REFERENCE ? (Object) node.longValue() : node.decimalValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(v -> list.add(v.isString() ? v.stringValue() : v.toString()));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().isString() ? e.getValue().stringValue() : e.getValue().isNumber()
                    ? e.getValue().decimalValue() : e.getValue().toString()));
            return map;
        }
        return node.toString();
    }
}
