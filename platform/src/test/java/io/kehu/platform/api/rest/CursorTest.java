package io.kehu.platform.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.records.Money;
import io.kehu.platform.records.RecordQuery.Keyset;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class CursorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cursorsAreTheJsonTheGeneratorWroteAndReadBackAsTheSameTypes() {
        List<Object> values = Arrays.asList(42L, 7, new BigDecimal("12.50"), LocalDate.of(2026, 1, 5),
                OffsetDateTime.parse("2026-11-23T01:30:00.12Z"), true, null, "华东 \"A\" \\ /\n\t\u0001 end");
        String sort = "-signed_on,name,\"x\"";
        String cursor = Cursor.encode(sort, new Keyset(values, 99L));

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .isEqualTo(generated(sort, values, 99L));
        Keyset back = Cursor.decode(cursor, sort);
        assertThat(back.sortValues()).containsExactlyElementsOf(values);
        assertThat(back.id()).isEqualTo(99L);
        assertThat(Cursor.decode(cursor, "name")).isNull();
    }

    @Test
    void moneyIsKeptByItsAmount() {
        Keyset back = Cursor.decode(Cursor.encode("amount", new Keyset(List.of(
                new Money(new BigDecimal("1234.50"), "CNY")), 1L)), "amount");
        assertThat(back.sortValues()).containsExactly(new BigDecimal("1234.50"));
    }

    /** The cursor as the generator wrote it before it was written by hand: old cursors must still be read. */
    private static String generated(String sort, List<Object> values, long id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("s", sort);
            json.writeName("v");
            json.writeStartArray();
            for (Object v : values) {
                json.writeStartArray();
                json.writeString(switch (v) {
                    case null -> "n";
                    case Long l -> "l";
                    case Integer i -> "i";
                    case BigDecimal d -> "d";
                    case LocalDate d -> "date";
                    case OffsetDateTime t -> "ts";
                    case Boolean b -> "b";
                    default -> "s";
                });
                json.writeString(v instanceof BigDecimal d ? d.toPlainString() : v == null ? null : v.toString());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberProperty("id", id);
            json.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
