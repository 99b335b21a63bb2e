package io.kehu.sdk.json;

/**
 * JSON read into and written from the plugin's own types (records, lists, maps, strings, numbers, booleans), by the
 * platform's JSON library: a plugin needs no JSON library of its own and none is forced on it. Records bind by
 * component name; unknown properties are an error, so a typo in a hand-edited setting is reported, not ignored.
 *
 * <pre>{@code
 * record Entitlement(String level, int visitsPerYear) { }
 * List<Entitlement> all = context.json().read(text, new JsonType<List<Entitlement>>() { });
 * String text = context.json().write(all);
 * }</pre>
 */
public interface PluginJson {

    /**
     * Reads {@code json} as {@code type}.
     *
     * @throws IllegalArgumentException naming the line, column and JSON path of what is wrong
     */
    <T> T read(String json, JsonType<T> type);

    /** {@link #read(String, JsonType)} for a plain class. */
    default <T> T read(String json, Class<T> type) {
        return read(json, JsonType.of(type));
    }

    /** {@code value} as compact JSON. */
    String write(Object value);

    /** {@code value} as indented JSON, for an admin to read and edit. */
    String writePretty(Object value);
}
