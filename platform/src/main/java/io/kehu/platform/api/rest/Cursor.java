package io.kehu.platform.api.rest;

import io.kehu.platform.records.Money;
import io.kehu.platform.records.RecordQuery.Keyset;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<List<Object>> values = new ArrayList<>();
        for (Object v : position.sortValues()) {
            values.add(tagged(v));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("s", sort);
        json.put("v", values);
        json.put("id", position.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
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
