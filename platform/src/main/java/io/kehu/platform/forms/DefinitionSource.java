package io.kehu.platform.forms;

import java.util.Objects;

/**
 * The JSON text of one form definition and the name problems are reported under (a file name, an upload's name, a
 * plugin resource).
 *
 * @param name the source name, e.g. {@code customer.json}
 * @param text the JSON text
 */
public record DefinitionSource(String name, String text) {

    public DefinitionSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
