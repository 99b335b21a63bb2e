package io.kehu.sdk.forms;

import io.kehu.sdk.LocalText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a published form.
 *
 * @param id the field id
 * @param type the type as written in definitions ({@code text}, {@code money}, {@code select}, ...)
 * @param label its name
 * @param required whether a value is always needed
 * @param options the option values of select and multiselect fields
 * @param form the target form of reference and subtable fields, else {@code null}
 * @param optionLabels what people read for each option value (zh/en), e.g. {@code east_china} → 华东 / East China,
 *     so a plugin can show a stored value in words (empty for fields without options)
 */
public record FieldInfo(String id, String type, LocalText label, boolean required, List<String> options,
                        String form, Map<String, LocalText> optionLabels) {

    public FieldInfo {
        options = List.copyOf(options);
        optionLabels = optionLabels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(optionLabels));
    }

    /** A field without option labels (the SDK's earlier shape). */
    public FieldInfo(String id, String type, LocalText label, boolean required, List<String> options, String form) {
        this(id, type, label, required, options, form, Map.of());
    }

    /** The words for a stored option value, or the value itself when it is not an option of the field. */
    public LocalText optionLabel(String value) {
        LocalText label = optionLabels.get(value);
        return label != null ? label : LocalText.of(value, value);
    }
}
