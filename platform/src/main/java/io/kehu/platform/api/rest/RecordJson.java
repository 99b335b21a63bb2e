package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.ListedColumn;
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

    /**
     * Writes the record as {@link #toJson} shapes it, straight from the typed values into {@code json} (no map per
     * record and no second walk by the message converter): a list page of 50 records is the API's biggest answer.
     */
    static void write(JsonGenerator json, FormDefinition form, Record record, Collection<String> only) {
        write(json, form, record, only, List.of());
    }

    /**
     * As {@link #write(JsonGenerator, FormDefinition, Record, Collection)}, followed by the values of contributed list
     * columns ({@code null} when a record has none), which the record's query read.
     */
    static void write(JsonGenerator json, FormDefinition form, Record record, Collection<String> only,
                      List<ListedColumn> listColumns) {
        json.writeStartObject();
        json.writeNumberProperty(FormTables.ID, record.id());
        json.writeNumberProperty(FormTables.ROW_VERSION, record.rowVersion());
        if (record.parentId() != null) {
            json.writeNumberProperty(FormTables.PARENT_ID, record.parentId());
        }
        json.writeStringProperty(FormTables.CREATED_AT, instant(record.createdAt()));
        json.writeName(FormTables.CREATED_BY);
        writeValue(json, record.createdBy());
        json.writeStringProperty(FormTables.UPDATED_AT, instant(record.updatedAt()));
        json.writeName(FormTables.UPDATED_BY);
        writeValue(json, record.updatedBy());
        if (record.deleted()) {
            json.writeStringProperty(FormTables.DELETED_AT, instant(record.deletedAt()));
            json.writeName(FormTables.DELETED_BY);
            writeValue(json, record.deletedBy());
        }
        for (FieldDefinition f : form.fields()) {
            if (record.values().has(f.id()) && (only == null || only.contains(f.id()))) {
                json.writeName(f.id());
                writeValue(json, record.get(f.id()));
            }
        }
        for (ListedColumn c : listColumns) {
            json.writeName(c.id());
            writeValue(json, record.values().has(c.id()) ? record.get(c.id()) : null);
        }
        json.writeEndObject();
    }

    /** The record as {@link #write} writes it, as text: the answer of a create (no map, no second walk). */
    static String toJsonText(FormDefinition form, Record record) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            write(json, form, record, null);
        }
        return text.toString();
    }

    /** One typed value, as {@link #value} shapes it. */
    static void writeValue(JsonGenerator json, Object value) {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Boolean b -> json.writeBoolean(b);
            case BigDecimal d -> json.writeString(d.toPlainString());
            case Money m -> {
                json.writeStartObject();
                json.writeStringProperty("amount", m.amount().toPlainString());
                json.writeStringProperty("currency", m.currency());
                json.writeEndObject();
            }
            case LocalDate d -> json.writeString(d.toString());
            case OffsetDateTime t -> json.writeString(instant(t));
            case Collection<?> c -> {
                json.writeStartArray();
                for (Object element : c) {
                    json.writePOJO(element);
                }
                json.writeEndArray();
            }
            default -> json.writePOJO(value);
        }
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
     * hand for four-digit years: a list page writes two per record, and the formatter's general machinery cost more
     * than the rest of the record's JSON.
     */
    static String instant(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        OffsetDateTime utc = t.getOffset().equals(ZoneOffset.UTC) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return utc.format(INSTANT);
        }
        StringBuilder text = new StringBuilder(30).append(year).append('-');
        twoDigits(text, utc.getMonthValue()).append('-');
        twoDigits(text, utc.getDayOfMonth()).append('T');
        twoDigits(text, utc.getHour()).append(':');
        twoDigits(text, utc.getMinute()).append(':');
        twoDigits(text, utc.getSecond());
        int nano = utc.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            text.append('.');
            String fraction = Integer.toString(nano);
            for (int i = fraction.length(); i < digits; i++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * The values of a request body for {@code Records}: JSON types become the typed or text forms {@code Records}
     * converts. Refuses (422, every problem at once) system members, unknown fields and subtables.
     */
    static Map<String, Object> fromJson(FormDefinition form, JsonNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation");
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            String pointer = "/" + name.replace("~", "~0").replace("/", "~1");
            if (SYSTEM_MEMBERS.contains(name)) {
                problem.error(FieldProblem.atPointer(pointer, "system_field", "api.problem.system_field", name));
                continue;
            }
            FieldDefinition field = form.field(name).orElse(null);
            if (field == null) {
                problem.error(FieldProblem.atPointer(pointer, "unknown_field", "api.problem.unknown_field", name));
                continue;
            }
            values.put(name, javaValue(field, member.getValue()));
        }
        if (!problem.errors().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", problem.errors().size())
                    .errorsFrom(problem);
        }
        return values;
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
