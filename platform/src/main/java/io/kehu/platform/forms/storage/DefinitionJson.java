package io.kehu.platform.forms.storage;

import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.reading.DefinitionParser;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage form of definitions in {@code kehu_form_version}, {@code kehu_form.draft_json} and
 * {@code kehu_form_column}: the documented definition format ({@link DefinitionWriter}, read back by
 * {@link DefinitionParser}) inside an envelope that names the storage format, {@code {"format": 2, "form": {...}}} or
 * {@code {"format": 2, "field": {...}}}. The documented format is kept stable for people and git, so renaming a
 * component of the Java model no longer makes stored versions unreadable.
 *
 * <p>Format 1, written before the envelope existed, was the model records as Jackson serialised them; it has no
 * {@code format} key and is upgraded on reading by {@link LegacyDefinitionJson}. Rows are rewritten in format 2 the
 * next time they are saved; old versions stay as they are and are upgraded each time they are read.
 */
public final class DefinitionJson {

    /** The storage format this code writes. */
    static final int FORMAT = 2;
    private static final String FORMAT_KEY = "format";

    private static final DefinitionWriter WRITER = new DefinitionWriter();
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Defaults and bounds keep their exact decimals: 1.2500 stays 1.2500.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private DefinitionJson() {
    }

    static String write(FormDefinition definition) {
        return MAPPER.writeValueAsString(envelope("form", WRITER.toJson(definition)));
    }

    static FormDefinition readForm(String json) {
        JsonNode root = MAPPER.readTree(json);
        JsonNode form = isFormat1(root) ? LegacyDefinitionJson.upgradeForm(root) : content(root, "form");
        return DefinitionParser.stored(form);
    }

    static String write(FieldDefinition field) {
        return MAPPER.writeValueAsString(envelope("field", WRITER.field(field)));
    }

    static FieldDefinition readField(String json) {
        JsonNode root = MAPPER.readTree(json);
        JsonNode field = isFormat1(root) ? LegacyDefinitionJson.upgradeField(root) : content(root, "field");
        return DefinitionParser.storedField(field);
    }

    private static ObjectNode envelope(String key, ObjectNode content) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(FORMAT_KEY, FORMAT);
        envelope.set(key, content);
        return envelope;
    }

    private static boolean isFormat1(JsonNode root) {
        return !root.has(FORMAT_KEY);
    }

    private static JsonNode content(JsonNode root, String key) {
        int format = root.path(FORMAT_KEY).asInt();
        if (format != FORMAT || !root.path(key).isObject()) {
            throw new IllegalStateException("Stored definition in format " + root.path(FORMAT_KEY)
                    + " cannot be read by this version of Kehu, which reads formats 1 and " + FORMAT
                    + (format > FORMAT ? "; it was written by a newer version" : ""));
        }
        return root.path(key);
    }
}
