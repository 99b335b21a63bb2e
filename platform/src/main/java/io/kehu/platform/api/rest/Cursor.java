package io.kehu.platform.api.rest;

import io.kehu.platform.records.Money;
import io.kehu.platform.records.RecordQuery.Keyset;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque {@code cursor} of keyset paging: base64url of a small JSON with the sort it was made for, the last row's
 * sort values (each tagged with its Java type, so it is compared as the same type again) and its id. A cursor made
 * for another sort, or tampered with, is refused rather than misread.
 */
final class Cursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();

    private Cursor() {
    }

    static String encode(String sort, Keyset position) {
        // Written by hand (one per list page that has a next one): a generator, made and closed for a hundred bytes,
        // cost more than the rest. The same JSON as the generator wrote: {"s":sort,"v":[[tag,text],...],"id":id}.
        StringBuilder json = new StringBuilder(96).append("{\"s\":");
        quoted(json, sort).append(",\"v\":[");
        boolean first = true;
        for (Object v : position.sortValues()) {
            json.append(first ? "[" : ",[");
            first = false;
            quoted(json, tag(v)).append(',');
            quoted(json, text(v)).append(']');
        }
        json.append("],\"id\":").append(position.id()).append('}');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder quoted(StringBuilder json, String text) {
        if (text == null) {
            return json.append("null");
        }
        json.append('"');
        ESCAPES.quoteAsString(text, json);
        return json.append('"');
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

    /** The type tag of a sort value, which {@link #untagged} reads it back as. */
    private static String tag(Object v) {
        return switch (v) {
            case null -> "n";
            case Long l -> "l";
            case Integer i -> "i";
            case BigDecimal d -> "d";
            case Money m -> "d";
            case LocalDate d -> "date";
            case OffsetDateTime t -> "ts";
            case Boolean b -> "b";
            default -> "s";
        };
    }

    private static String text(Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            case Money m -> m.amount().toPlainString();
            default -> v.toString();
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
