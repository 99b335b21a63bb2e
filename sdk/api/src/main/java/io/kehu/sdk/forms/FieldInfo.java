package io.kehu.sdk.forms;

import io.kehu.sdk.LocalText;
import java.util.List;

/**
 * One field of a published form.
 *
 * @param id the field id
 * @param type the type as written in definitions ({@code text}, {@code money}, {@code select}, ...)
 * @param label its name
 * @param required whether a value is always needed
 * @param options the option values of select and multiselect fields
 * @param form the target form of reference and subtable fields, else {@code null}
 */
public record FieldInfo(String id, String type, LocalText label, boolean required, List<String> options,
                        String form) {

    public FieldInfo {
        options = List.copyOf(options);
    }
}
