package io.kehu.plugins.churn;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The training screen's choices (admins): what marks a lost customer — a select field of the customer form and one of
 * its options, each option with its number of customers — and which customer fields the model may use, each with
 * its information value on the training examples once computed. Saved into the plugin's settings, which the nightly
 * scoring and the next training read.
 */
final class TrainingChoices extends Div {

    /** Field types a model can read as a number or as a value. */
    static final Set<String> FEATURE_TYPES = Set.of("select", "multiselect", "integer", "decimal", "number", "money",
            "checkbox", "boolean", "rating");

    private final PluginContext context;
    private final Labels labels;
    private final ChurnSettings settings;
    private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    private final Map<String, Double> iv = new HashMap<>();
    final Select<String> labelField = new Select<>();
    final Select<String> labelValue = new Select<>();
    final CheckboxGroup<String> features = new CheckboxGroup<>();
    final Paragraph note = new Paragraph();

    TrainingChoices(PluginContext context, Labels labels) {
        this.context = context;
        this.labels = labels;
        this.settings = new ChurnSettings(context);
        setId("churn-choices");
        setWidthFull();
        add(new H4(labels.text("choices.title")));
        context.definitions().form(FeatureExtractor.CUSTOMER)
                .ifPresent(f -> f.fields().forEach(fi -> fields.put(fi.id(), fi)));
        List<String> selects = fields.values().stream().filter(f -> "select".equals(f.type())).map(FieldInfo::id)
                .toList();
        if (selects.isEmpty()) {
            Paragraph none = new Paragraph(labels.text("choices.nolabel"));
            none.setId("churn-choices-empty");
            add(none);
            return;
        }
        String label = settings.label();
        String currentField = label.substring(0, label.indexOf('='));
        labelField.setId("churn-label-field");
        labelField.setLabel(labels.text("choices.label.field"));
        labelField.setItems(selects);
        labelField.setItemLabelGenerator(this::fieldName);
        labelValue.setId("churn-label-value");
        labelValue.setLabel(labels.text("choices.label.value"));
        labelField.addValueChangeListener(e -> showValues(e.getValue(), null));
        labelField.setValue(selects.contains(currentField) ? currentField : selects.getFirst());
        showValues(labelField.getValue(), label.substring(label.indexOf('=') + 1));
        labelValue.addValueChangeListener(e -> showFeatures());

        features.setId("churn-features");
        features.setLabel(labels.text("choices.features"));
        features.setItemLabelGenerator(this::featureName);
        Button compute = new Button(labels.text("choices.iv"), e -> computeIv());
        compute.setId("churn-compute-iv");
        Button save = new Button(labels.text("choices.save"), e -> save());
        save.setId("churn-save-choices");
        FlexLayout pickers = new FlexLayout(labelField, labelValue);
        pickers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pickers.getStyle().set("gap", "var(--lumo-space-m)");
        FlexLayout buttons = new FlexLayout(compute, save);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-m)");
        note.setId("churn-choices-note");
        add(pickers, features, buttons, note);
        showFeatures();
        features.setValue(new LinkedHashSet<>(settings.pickedFields().stream()
                .filter(id -> candidates().contains(id)).toList()));
    }

    /** The field's options, each with how many customers have it (one grouped count). */
    private void showValues(String field, String selected) {
        if (field == null) {
            return;
        }
        Map<String, Long> counts = new HashMap<>();
        context.records().aggregate(FeatureExtractor.CUSTOMER).groupBy(field).count()
                .forEach(row -> counts.put(String.valueOf(row.group(field)), row.count()));
        List<String> options = fields.get(field).options();
        labelValue.setItems(options);
        labelValue.setItemLabelGenerator(v -> labels.text("choices.value.count", optionName(field, v),
                counts.getOrDefault(v, 0L)));
        labelValue.setValue(selected != null && options.contains(selected) ? selected
                : options.isEmpty() ? null : options.getFirst());
    }

    private List<String> candidates() {
        return fields.values().stream().filter(f -> FEATURE_TYPES.contains(f.type()))
                .filter(f -> !f.id().equals(labelField.getValue())).map(FieldInfo::id).toList();
    }

    private void showFeatures() {
        Set<String> chosen = features.getValue();
        List<String> candidates = candidates();
        features.setItems(candidates);
        features.setValue(new LinkedHashSet<>(chosen.stream().filter(candidates::contains).toList()));
        if (candidates.isEmpty()) {
            note.setText(labels.text("choices.nofeatures"));
        }
    }

    private void computeIv() {
        if (labelValue.getValue() == null) {
            note.setText(labels.text("choices.nolabelvalue"));
            return;
        }
        iv.clear();
        iv.putAll(ChurnService.of(context).informationValues(LocalDate.now(), candidates(),
                labelField.getValue() + "=" + labelValue.getValue()));
        features.getDataProvider().refreshAll();
        note.setText(iv.isEmpty() ? labels.text("choices.iv.none") : labels.text("choices.iv.done"));
    }

    private void save() {
        if (labelValue.getValue() == null) {
            note.setText(labels.text("choices.nolabelvalue"));
            return;
        }
        context.settings().put(ChurnSettings.LABEL, labelField.getValue() + "=" + labelValue.getValue());
        context.settings().put(ChurnSettings.FIELDS, String.join(",", features.getValue()));
        note.setText(labels.text("choices.saved", features.getValue().size()));
    }

    private String featureName(String id) {
        Double value = iv.get("field:" + id);
        return value == null ? fieldName(id) : labels.text("choices.feature.iv", fieldName(id),
                String.format(Locale.ROOT, "%.3f", value), labels.text("iv." + strength(value)));
    }

    /** The usual reading of an information value. */
    static String strength(double iv) {
        return iv < 0.02 ? "none" : iv < 0.1 ? "weak" : iv < 0.3 ? "medium" : "strong";
    }

    private String fieldName(String id) {
        FieldInfo f = fields.get(id);
        return f == null ? id : labels.text("level.high").equals("高风险") ? f.label().zh() : f.label().en();
    }

    private String optionName(String field, String value) {
        FieldInfo f = fields.get(field);
        return labels.text("level.high").equals("高风险") ? f.optionLabel(value).zh() : f.optionLabel(value).en();
    }
}
