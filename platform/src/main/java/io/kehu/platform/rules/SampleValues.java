package io.kehu.platform.rules;

import io.kehu.platform.records.Money;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule console's sample values as JSON: a record's values written out (dates as ISO text, money as its amount)
 * and edited values read back into the loose form {@code RuleRecord} accepts. The form designer's "try on a record"
 * uses it too.
 */
public final class SampleValues {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private SampleValues() {
    }

    public static String toJson(Map<String, Object> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((k, v) -> plain.put(k, switch (v) {
            case Money m -> m.amount();
            case Temporal t -> t.toString();
            case null, default -> v;
        }));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plain);
    }

    /** The JSON object's members; anything but an object is refused with the parser's reason. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            Object parsed = MAPPER.readValue(json == null || json.isBlank() ? "{}" : json, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not an object");
            }
            return (Map<String, Object>) map;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }
}
