package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import java.util.HashMap;
import java.util.Map;

/** A model input's name for people: the measure's label, or "field label = value". */
final class ReasonLabels {

    private final Labels labels;
    private final Map<String, String> fieldLabels = new HashMap<>();
    private final Map<String, FieldInfo> fields = new HashMap<>();
    private final Map<String, String> measureLabels = new HashMap<>();
    private final boolean chinese;

    ReasonLabels(PluginContext context, Labels labels) {
        this.labels = labels;
        this.chinese = labels.text("level.high").equals("高风险");
        context.definitions().form(FeatureExtractor.CUSTOMER).ifPresent(form -> {
            for (FieldInfo f : form.fields()) {
                fieldLabels.put(f.id(), chinese ? f.label().zh() : f.label().en());
                fields.put(f.id(), f);
            }
        });
        context.definitions().form(ChurnForms.FEATURES).ifPresent(form -> {
            for (FieldInfo f : form.fields()) {
                measureLabels.put(f.id(), chinese ? f.label().zh() : f.label().en());
            }
        });
    }

    String input(String input) {
        if (!input.startsWith("field:")) {
            return measureLabels.getOrDefault(input, input);
        }
        int eq = input.indexOf('=');
        String id = input.substring("field:".length(), eq < 0 ? input.length() : eq);
        String label = fieldLabels.getOrDefault(id, id);
        if (eq < 0) {
            return label;
        }
        String value = input.substring(eq + 1);
        FieldInfo field = fields.get(id);
        String shown = field == null ? value : chinese ? field.optionLabel(value).zh() : field.optionLabel(value).en();
        return label + " = " + shown;
    }

    /** A picked field's stored value in words (the option's label for a select field). */
    String value(String input, String value) {
        String id = input.startsWith("field:") ? input.substring("field:".length()) : input;
        FieldInfo field = fields.get(id);
        return field == null || value == null ? String.valueOf(value)
                : chinese ? field.optionLabel(value).zh() : field.optionLabel(value).en();
    }

    Labels labels() {
        return labels;
    }
}
