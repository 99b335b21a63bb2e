package io.kehu.platform.dedupe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Merging two records: which one stays, and per field whose value is kept where they differ (default: the
 * survivor's, else the other's non-empty one). Fires {@code onMerge} with the survivor and the chosen values; the
 * view does the merge.
 */
class MergeDialog extends Dialog {

    private final FormDefinition form;
    private final Duplicates duplicates;
    private final ShownValues shown;
    private final Record first;
    private final Record second;
    private final FormLayout fields = new FormLayout();
    private final Map<String, RadioButtonGroup<Record>> choices = new LinkedHashMap<>();
    private Record survivor;

    MergeDialog(FormDefinition form, Duplicates duplicates, ShownValues shown, Record first, Record second,
                BiConsumer<Record, Map<String, Object>> onMerge) {
        this.form = form;
        this.duplicates = duplicates;
        this.shown = shown;
        this.first = first;
        this.second = second;
        setHeaderTitle(getTranslation("dedupe.merge.title"));
        setWidth("min(640px, 100vw)");
        RadioButtonGroup<Record> which = new RadioButtonGroup<>(getTranslation("dedupe.merge.survivor"));
        which.setId("merge-survivor");
        which.setItems(first, second);
        which.setItemLabelGenerator(this::title);
        which.setValue(first);
        which.addValueChangeListener(e -> showFields(e.getValue()));
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(which, fields, new Paragraph(getTranslation("dedupe.merge.related")));
        showFields(first);
        Button merge = new Button(getTranslation("dedupe.merge.confirm"), click -> {
            Map<String, Object> chosen = new HashMap<>();
            Record other = survivor == first ? second : first;
            for (FieldDefinition f : Duplicates.mergeableFields(form)) {
                RadioButtonGroup<Record> choice = choices.get(f.id());
                Record from = choice == null ? (survivor.get(f.id()) != null ? survivor : other) : choice.getValue();
                chosen.put(f.id(), from.get(f.id()));
            }
            close();
            onMerge.accept(survivor, chosen);
        });
        merge.setId("merge-confirm");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("dedupe.merge.cancel"), click -> close()), merge);
    }

    /** A radio group per field whose values differ, set to the survivor's (else the other's non-empty) value. */
    private void showFields(Record keep) {
        survivor = keep;
        Record other = keep == first ? second : first;
        fields.removeAll();
        choices.clear();
        Map<String, Object> proposed = duplicates.proposedValues(form, keep, other);
        for (FieldDefinition f : Duplicates.mergeableFields(form)) {
            String a = shown.of(f, keep.get(f.id()));
            String b = shown.of(f, other.get(f.id()));
            if (a.equals(b)) {
                continue;
            }
            RadioButtonGroup<Record> choice = new RadioButtonGroup<>(f.label().in(getLocale()));
            choice.setId("merge-field-" + f.id());
            choice.setItems(List.of(keep, other));
            choice.setItemLabelGenerator(r -> {
                String v = shown.of(f, r.get(f.id()));
                return v.isEmpty() ? getTranslation("dedupe.merge.empty") : v;
            });
            choice.setValue(Objects.equals(proposed.get(f.id()), keep.get(f.id())) ? keep : other);
            choices.put(f.id(), choice);
            fields.add(choice);
        }
    }

    private String title(Record r) {
        return DuplicatesView.describe(form, duplicates.rules(form.id()), r);
    }
}
