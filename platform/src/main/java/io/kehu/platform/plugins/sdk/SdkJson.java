package io.kehu.platform.plugins.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.json.PluginJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PluginJson} on the platform's Jackson: one mapper per plugin context, so Jackson's caches of the plugin's
 * classes go with the plugin's class loader when it is removed. Unknown properties fail (Jackson 3 ignores them by
 * default), so a typo in a hand-edited setting is reported instead of silently dropped; null properties are left
 * out when writing.
 */
public final class SdkJson implements PluginJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 120000, not 1.2E+5: what people (and spreadsheets) read in a stored snapshot.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Override
    public <T> T read(String json, JsonType<T> type) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("Empty JSON where " + type + " was expected");
        }
        JavaType javaType = mapper.getTypeFactory().constructType(type.type());
        try {
            return mapper.readValue(json, javaType);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    @Override
    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    @Override
    public String writePretty(Object value) {
        return mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    /** "line 3, column 14, at $[0].levels[2].code: ..." without Jackson's class names and source dump. */
    static String describe(JacksonException e) {
        StringBuilder text = new StringBuilder("Invalid JSON");
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            text.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        String path = path(e);
        if (!path.isEmpty()) {
            text.append(" (").append(path).append(')');
        }
        String reason = e.getOriginalMessage();
        if (reason != null) {
            reason = reason.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[a-z0-9_]+)+\\.", "`").strip();
            text.append(": ").append(reason);
        }
        return text.toString();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            }
        }
        return path.length() == 1 ? "" : path.toString();
    }
}
