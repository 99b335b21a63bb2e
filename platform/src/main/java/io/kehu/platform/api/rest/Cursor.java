package io.kehu.platform.api.rest;

import io.kehu.platform.records.Money;
import io.kehu.platform.records.RecordQuery.Keyset;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque {@code cursor} of keyset paging: base64url of a small JSON with the sort it was made for, the last row's
 * sort values (each tagged with its Java type, so it is compared as the same type again) and its id. A cursor made
 * for another sort, or tampered with, is refused rather than misread.
 */
final class Cursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cursor() {
    }

    static String encode(String sort, Keyset position) {
        // Written with the generator (one per list page that has a next one) rather than through a map and the
        // mapper's serializer look-ups; the same JSON as before: {"s": sort, "v": [[tag, text], ...], "id": id}.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("s", sort);
            json.writeName("v");
            json.writeStartArray();
            for (Object v : position.sortValues()) {
                List<Object> tagged = tagged(v);
                json.writeStartArray();
                json.writeString((String) tagged.get(0));
                json.writeString((String) tagged.get(1));
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberProperty("id", position.id());
            json.writeEndObject();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The position, or {@code null} when the cursor is not one of ours for {@code sort}. */
    static Keyset decode(String cursor, String sort) {
        try {
            JsonNode json = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!json.isObject() || !sort.equals(json.path("s").asString(null)) || !json.path("id").canConvertToLong()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode v : json.path("v").values()) {
                values.add(untagged(v.get(0).asString(), v.get(1)));
            }
            return new Keyset(values, json.path("id").longValue());
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static List<Object> tagged(Object v) {
        return switch (v) {
            case null -> java.util.Arrays.asList("n", null);
            case Long l -> List.of("l", l.toString());
            case Integer i -> List.of("i", i.toString());
            case BigDecimal d -> List.of("d", d.toPlainString());
            case Money m -> List.of("d", m.amount().toPlainString());
            case LocalDate d -> List.of("date", d.toString());
            case OffsetDateTime t -> List.of("ts", t.toString());
            case Boolean b -> List.of("b", b.toString());
            default -> List.of("s", v.toString());
        };
    }

    private static Object untagged(String tag, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return switch (tag) {
            case "l" -> Long.valueOf(text);
            case "i" -> Integer.valueOf(text);
            case "d" -> new BigDecimal(text);
            case "date" -> LocalDate.parse(text);
            case "ts" -> OffsetDateTime.parse(text);
            case "b" -> Boolean.valueOf(text);
            case "s" -> text;
            default -> throw new IllegalArgumentException("unknown cursor tag " + tag);
        };
    }
}
