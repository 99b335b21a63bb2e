package io.kehu.sdk.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One form definition as JSON text.
 *
 * @param name where it comes from (a file name), used in error messages
 * @param json the definition
 */
public record DefinitionText(String name, String json) {

    /** Reads {@code path} (relative to the plugin's root, e.g. {@code forms/greeting.json}) from the plugin. */
    public static DefinitionText fromResource(Class<?> pluginClass, String path) {
        try (InputStream in = pluginClass.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path + " in the plugin");
            }
            return new DefinitionText(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
