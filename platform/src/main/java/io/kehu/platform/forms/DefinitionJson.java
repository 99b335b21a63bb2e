package io.kehu.platform.forms;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage form of definitions in {@code kehu_form_version}, {@code kehu_form.draft_json} and
 * {@code kehu_form_column}: the model records as Jackson writes them. It is internal and lossless (reading what was
 * written gives an equal definition); the human, git-friendly format is the definition reader's business.
 */
final class DefinitionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Only record components: helpers such as LocalizedText.isEmpty() are not properties.
            .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            // Default values keep their exact decimals instead of turning into doubles.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private DefinitionJson() {
    }

    static String write(FormDefinition definition) {
        return MAPPER.writeValueAsString(definition);
    }

    static FormDefinition readForm(String json) {
        return MAPPER.readValue(json, FormDefinition.class);
    }

    static String write(FieldDefinition field) {
        return MAPPER.writeValueAsString(field);
    }

    static FieldDefinition readField(String json) {
        return MAPPER.readValue(json, FieldDefinition.class);
    }
}
