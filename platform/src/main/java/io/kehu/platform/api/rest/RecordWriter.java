package io.kehu.platform.api.rest;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.ListedColumn;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes records as {@link RecordJson#toJson} shapes them, straight from the typed values into a generator: no map
 * per record, no second walk by a message converter. A list page is the API's biggest and most frequent answer (50
 * records by default), so the members a page writes are worked out once per page ({@link #of}), each name encoded to
 * JSON once, and dates and date-times are written from a scratch buffer instead of a string per value.
 */
final class RecordWriter {

    private static final SerializableString ID = new SerializedString(FormTables.ID);
    private static final SerializableString ROW_VERSION = new SerializedString(FormTables.ROW_VERSION);
    private static final SerializableString PARENT_ID = new SerializedString(FormTables.PARENT_ID);
    private static final SerializableString CREATED_AT = new SerializedString(FormTables.CREATED_AT);
    private static final SerializableString CREATED_BY = new SerializedString(FormTables.CREATED_BY);
    private static final SerializableString UPDATED_AT = new SerializedString(FormTables.UPDATED_AT);
    private static final SerializableString UPDATED_BY = new SerializedString(FormTables.UPDATED_BY);
    private static final SerializableString DELETED_AT = new SerializedString(FormTables.DELETED_AT);
    private static final SerializableString DELETED_BY = new SerializedString(FormTables.DELETED_BY);
    private static final SerializableString AMOUNT = new SerializedString("amount");
    private static final SerializableString CURRENCY = new SerializedString("currency");

    private final String[] fieldIds;
    private final SerializableString[] fieldNames;
    private final String[] columnIds;
    private final SerializableString[] columnNames;
    /** Room for the longest date-time, {@code 2026-11-23T01:30:00.123456789Z}. */
    private final char[] scratch = new char[32];

    private RecordWriter(List<String> fields, List<String> columns) {
        this.fieldIds = fields.toArray(String[]::new);
        this.fieldNames = names(fieldIds);
        this.columnIds = columns.toArray(String[]::new);
        this.columnNames = names(columnIds);
    }

    /**
     * A writer for records of {@code form}: its fields in the form's order ({@code only} limits them; null: all, each
     * record writing those it has, i.e. the caller may read), then {@code listColumns} ({@code null} for a record
     * without a value).
     */
    static RecordWriter of(FormDefinition form, Collection<String> only, List<ListedColumn> listColumns) {
        List<String> fields = new ArrayList<>(form.fields().size());
        for (FieldDefinition f : form.fields()) {
            if (only == null || only.contains(f.id())) {
                fields.add(f.id());
            }
        }
        List<String> columns = new ArrayList<>(listColumns.size());
        for (ListedColumn c : listColumns) {
            columns.add(c.id());
        }
        return new RecordWriter(fields, columns);
    }

    private static SerializableString[] names(String[] ids) {
        SerializableString[] names = new SerializableString[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = new SerializedString(ids[i]);
        }
        return names;
    }

    /** Writes {@code record} as one JSON object. */
    void write(JsonGenerator json, Record record) {
        json.writeStartObject();
        json.writeName(ID);
        json.writeNumber(record.id());
        json.writeName(ROW_VERSION);
        json.writeNumber(record.rowVersion());
        if (record.parentId() != null) {
            json.writeName(PARENT_ID);
            json.writeNumber(record.parentId());
        }
        json.writeName(CREATED_AT);
        writeInstant(json, record.createdAt());
        json.writeName(CREATED_BY);
        writeValue(json, record.createdBy());
        json.writeName(UPDATED_AT);
        writeInstant(json, record.updatedAt());
        json.writeName(UPDATED_BY);
        writeValue(json, record.updatedBy());
        if (record.deleted()) {
            json.writeName(DELETED_AT);
            writeInstant(json, record.deletedAt());
            json.writeName(DELETED_BY);
            writeValue(json, record.deletedBy());
        }
        for (int i = 0; i < fieldIds.length; i++) {
            if (record.values().has(fieldIds[i])) {
                json.writeName(fieldNames[i]);
                writeValue(json, record.get(fieldIds[i]));
            }
        }
        for (int i = 0; i < columnIds.length; i++) {
            json.writeName(columnNames[i]);
            writeValue(json, record.values().has(columnIds[i]) ? record.get(columnIds[i]) : null);
        }
        json.writeEndObject();
    }

    /** One typed value, as {@link RecordJson#value} shapes it. */
    private void writeValue(JsonGenerator json, Object value) {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Boolean b -> json.writeBoolean(b);
            case BigDecimal d -> json.writeString(d.toPlainString());
            case Money m -> {
                json.writeStartObject();
                json.writeName(AMOUNT);
                json.writeString(m.amount().toPlainString());
                json.writeName(CURRENCY);
                json.writeString(m.currency());
                json.writeEndObject();
            }
            case LocalDate d -> {
                int length = date(d, scratch);
                if (length < 0) {
                    json.writeString(d.toString());
                } else {
                    json.writeString(scratch, 0, length);
                }
            }
            case OffsetDateTime t -> writeInstant(json, t);
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

    private void writeInstant(JsonGenerator json, OffsetDateTime t) {
        if (t == null) {
            json.writeNull();
            return;
        }
        int length = instant(t, scratch);
        if (length < 0) {
            json.writeString(RecordJson.instant(t));
        } else {
            json.writeString(scratch, 0, length);
        }
    }

    /** {@code d} as {@link LocalDate#toString()} writes it, into {@code to}; -1 for a year outside 1000–9999. */
    static int date(LocalDate d, char[] to) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            return -1;
        }
        fourDigits(to, 0, year);
        to[4] = '-';
        twoDigits(to, 5, d.getMonthValue());
        to[7] = '-';
        twoDigits(to, 8, d.getDayOfMonth());
        return 10;
    }

    /**
     * {@code t} in UTC as {@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it
     * ({@code 2026-11-23T01:30:00Z}, {@code 2026-11-23T01:30:00.12Z}: seconds always, the fraction without trailing
     * zeros, none when zero), into {@code to} (32 chars); -1 for a year outside 1000–9999.
     */
    static int instant(OffsetDateTime t, char[] to) {
        OffsetDateTime utc = t.getOffset().equals(ZoneOffset.UTC) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return -1;
        }
        fourDigits(to, 0, year);
        to[4] = '-';
        twoDigits(to, 5, utc.getMonthValue());
        to[7] = '-';
        twoDigits(to, 8, utc.getDayOfMonth());
        to[10] = 'T';
        twoDigits(to, 11, utc.getHour());
        to[13] = ':';
        twoDigits(to, 14, utc.getMinute());
        to[16] = ':';
        twoDigits(to, 17, utc.getSecond());
        int length = 19;
        int nano = utc.getNano();
        if (nano != 0) {
            to[length++] = '.';
            for (int unit = 100_000_000; nano != 0; unit /= 10) {
                to[length++] = (char) ('0' + nano / unit);
                nano %= unit;
            }
        }
        to[length++] = 'Z';
        return length;
    }

    private static void fourDigits(char[] to, int at, int value) {
        twoDigits(to, at, value / 100);
        twoDigits(to, at + 2, value % 100);
    }

    private static void twoDigits(char[] to, int at, int value) {
        to[at] = (char) ('0' + value / 10);
        to[at + 1] = (char) ('0' + value % 10);
    }
}
