package io.kehu.platform.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LayoutSection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The properties of the selected field: every key of the definition format that applies to its type, each edited in
 * place. Each change produces a new {@link FieldDefinition} for the view to apply; each problem the definition reader
 * finds is shown on the input it is about (and listed at the top, so none goes unseen).
 */
final class FieldPropertiesPanel extends VerticalLayout {

    private final Consumer<FieldDefinition> changed;
    private final Map<String, Component> byKey = new HashMap<>();
    private final Div problems = new Div();
    private final TextField id = text("prop-id", "designer.prop.id");
    private final Select<FieldType> type = new Select<>();
    private final TextField labelZh = text("prop-label-zh", "designer.prop.labelZh");
    private final TextField labelEn = text("prop-label-en", "designer.prop.labelEn");
    private final TextField helpZh = text("prop-help-zh", "designer.prop.helpZh");
    private final TextField helpEn = text("prop-help-en", "designer.prop.helpEn");
    private final Checkbox required = check("prop-required", "designer.prop.required");
    private final TextField defaultValue = text("prop-default", "designer.prop.default");
    private final BigDecimalField min = new BigDecimalField(getTranslation("designer.prop.min"));
    private final BigDecimalField max = new BigDecimalField(getTranslation("designer.prop.max"));
    private final IntegerField maxLength = new IntegerField(getTranslation("designer.prop.maxLength"));
    private final TextField pattern = text("prop-pattern", "designer.prop.pattern");
    private final IntegerField scale = new IntegerField(getTranslation("designer.prop.scale"));
    private final TextField currency = text("prop-currency", "designer.prop.currency");
    private final OptionsEditor options;
    private final ComboBox<String> form = new ComboBox<>(getTranslation("designer.prop.form"));
    private final ScriptField expression;
    private final Select<FieldType> resultType = new Select<>();
    private final Checkbox unique = check("prop-unique", "designer.prop.unique");
    private final Checkbox indexed = check("prop-indexed", "designer.prop.indexed");
    private final Checkbox readOnly = check("prop-readonly", "designer.prop.readOnly");
    private final Checkbox showInList = check("prop-show-in-list", "designer.prop.showInList");
    private final Checkbox searchable = check("prop-searchable", "designer.prop.searchable");
    private final ScriptField visibleWhen;
    private final ScriptField requiredWhen;
    private final RoleChoice readRoles = new RoleChoice("prop-read-roles", getTranslation("designer.prop.readRoles"));
    private final RoleChoice writeRoles = new RoleChoice("prop-write-roles",
            getTranslation("designer.prop.writeRoles"));
    private final Select<Integer> section = new Select<>();
    private final Supplier<FormDefinition> current;
    private FieldSpec spec;
    private boolean loading;
    private boolean published;

    FieldPropertiesPanel(DesignerServices services, Supplier<FormDefinition> current,
                         Consumer<FieldDefinition> changed, IntConsumer moveToSection, Runnable remove) {
        this.changed = changed;
        this.current = current;
        setId("designer-properties");
        setPadding(false);
        setSpacing(false);
        problems.setId("prop-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        type.setId("prop-type");
        type.setLabel(getTranslation("designer.prop.type"));
        type.setItems(FieldType.values());
        type.setItemLabelGenerator(t -> getTranslation(FieldPalette.typeKey(t)));
        resultType.setId("prop-result-type");
        resultType.setLabel(getTranslation("designer.prop.resultType"));
        resultType.setItems(Arrays.stream(FieldType.values()).filter(t -> t != FieldType.SUBTABLE
                && t != FieldType.MULTISELECT && t != FieldType.COMPUTED && t != FieldType.REFERENCE).toList());
        resultType.setItemLabelGenerator(t -> t == null ? "" : getTranslation(FieldPalette.typeKey(t)));
        resultType.setEmptySelectionAllowed(true);
        min.setId("prop-min");
        max.setId("prop-max");
        maxLength.setId("prop-maxlength");
        scale.setId("prop-scale");
        form.setId("prop-form");
        form.setAllowCustomValue(true);
        form.addCustomValueSetListener(e -> form.setValue(e.getDetail()));
        options = new OptionsEditor(list -> edit(s -> s.options = list));
        expression = new ScriptField("prop-expression", getTranslation("designer.prop.expression"), services,
                current, v -> edit(s -> s.expression = v));
        visibleWhen = new ScriptField("prop-visible-when", getTranslation("designer.prop.visibleWhen"), services,
                current, v -> edit(s -> s.visibleWhen = v), "");
        requiredWhen = new ScriptField("prop-required-when", getTranslation("designer.prop.requiredWhen"),
                services, current, v -> edit(s -> s.requiredWhen = v), "");
        section.setId("prop-section");
        section.setLabel(getTranslation("designer.prop.section"));
        section.addValueChangeListener(e -> {
            if (!loading && e.getValue() != null) {
                moveToSection.accept(e.getValue());
            }
        });
        Button delete = new Button(getTranslation("designer.prop.remove"), VaadinIcon.TRASH.create(),
                click -> remove.run());
        delete.setId("prop-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        bind();
        keys();
        id.setHelperText(getTranslation("designer.prop.idHelp"));
        Details advanced = new Details(getTranslation("designer.prop.advanced"), id);
        advanced.setId("prop-advanced");
        advanced.addThemeVariants(DetailsVariant.SMALL);
        add(new H4(getTranslation("designer.prop.title")), problems, pair(labelZh, labelEn), type, advanced,
                pair(helpZh, helpEn), required, defaultValue, pair(min, max), maxLength, pattern, scale, currency,
                options, form, expression, resultType, unique, indexed, readOnly, showInList, searchable,
                visibleWhen, requiredWhen, readRoles, writeRoles, section, delete);
        getChildren().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.HasSize sized && !(c instanceof Button) && !(c instanceof Checkbox)) {
                sized.setWidthFull();
            }
        });
    }

    /** Shows {@code field} (at position {@code index}) with its problems; {@code sections} fill the section picker. */
    void edit(FieldDefinition field, List<LayoutSection> sections, int inSection, Map<String, List<String>> found,
              List<String> knownForms, boolean isPublished) {
        loading = true;
        try {
            spec = FieldSpec.of(field);
            published = isPublished;
            id.setValue(nz(field.id()));
            // A published field's id names its column and the rules that read it: it cannot change any more.
            id.setReadOnly(isPublished);
            id.setHelperText(getTranslation(isPublished ? "designer.prop.idLocked" : "designer.prop.idHelp"));
            type.setValue(field.type());
            labelZh.setValue(nz(field.label().zh()));
            labelEn.setValue(nz(field.label().en()));
            helpZh.setValue(nz(field.help().zh()));
            helpEn.setValue(nz(field.help().en()));
            required.setValue(field.required());
            defaultValue.setValue(FieldSpec.showDefault(field.defaultValue()));
            min.setValue(field.min());
            max.setValue(field.max());
            maxLength.setValue(field.maxLength());
            pattern.setValue(nz(field.pattern()));
            scale.setValue(field.scale());
            currency.setValue(nz(field.currency()));
            options.setOptions(field.options());
            form.setItems(knownForms);
            form.setValue(field.form());
            expression.setScript(field.expression());
            resultType.setValue(field.resultType());
            unique.setValue(field.unique());
            indexed.setValue(field.indexed());
            readOnly.setValue(field.readOnly());
            showInList.setValue(field.showInList());
            searchable.setValue(field.searchable());
            visibleWhen.setScript(field.visibleWhen());
            requiredWhen.setScript(field.requiredWhen());
            readRoles.setRoles(field.access().read());
            writeRoles.setRoles(field.access().write());
            section.setItems(IntStream.range(0, sections.size()).boxed().toList());
            section.setItemLabelGenerator(i -> (i + 1) + ". " + (sections.get(i).title().isEmpty()
                    ? getTranslation("designer.canvas.untitled") : sections.get(i).title().in(getLocale())));
            section.setValue(inSection >= 0 ? inSection : null);
            applicability(field);
        } finally {
            loading = false;
        }
        showProblems(found);
    }

    /** Marks the inputs the reader's problems are about; keys without an input of their own are listed on top. */
    void showProblems(Map<String, List<String>> found) {
        byKey.values().forEach(c -> mark(c, null));
        problems.removeAll();
        found.forEach((key, messages) -> {
            String text = String.join("; ", messages);
            Component target = byKey.get(key);
            if (target != null) {
                mark(target, text);
            }
            Div line = new Div();
            line.setText((key.isEmpty() ? "" : key + ": ") + text);
            problems.add(line);
        });
    }

    private void bind() {
        id.addValueChangeListener(e -> edit(s -> s.id = e.getValue().strip()));
        type.addValueChangeListener(e -> {
            if (e.getValue() != null && !loading && spec != null && e.getValue() != spec.type) {
                edit(s -> s.changeType(e.getValue()));
                // The type took other keys with it: show the inputs of the new type with their new values.
                FieldDefinition changedField = spec.toDefinition();
                loading = true;
                try {
                    options.setOptions(changedField.options());
                    form.setValue(changedField.form());
                    expression.setScript(changedField.expression());
                    resultType.setValue(changedField.resultType());
                    defaultValue.setValue("");
                    min.setValue(changedField.min());
                    max.setValue(changedField.max());
                    maxLength.setValue(changedField.maxLength());
                    pattern.setValue(nz(changedField.pattern()));
                    scale.setValue(changedField.scale());
                    currency.setValue(nz(changedField.currency()));
                    unique.setValue(changedField.unique());
                    indexed.setValue(changedField.indexed());
                } finally {
                    loading = false;
                }
                applicability(changedField);
            }
        });
        labelZh.addValueChangeListener(e -> labelEdit(s -> s.labelZh = e.getValue()));
        labelEn.addValueChangeListener(e -> labelEdit(s -> s.labelEn = e.getValue()));
        helpZh.addValueChangeListener(e -> edit(s -> s.helpZh = e.getValue()));
        helpEn.addValueChangeListener(e -> edit(s -> s.helpEn = e.getValue()));
        required.addValueChangeListener(e -> edit(s -> s.required = e.getValue()));
        defaultValue.addValueChangeListener(e -> edit(s -> s.defaultValue =
                FieldSpec.parseDefault(s.toDefinition().storedType(), e.getValue())));
        min.addValueChangeListener(e -> edit(s -> s.min = e.getValue()));
        max.addValueChangeListener(e -> edit(s -> s.max = e.getValue()));
        maxLength.addValueChangeListener(e -> edit(s -> s.maxLength = e.getValue()));
        pattern.addValueChangeListener(e -> edit(s -> s.pattern = e.getValue()));
        scale.addValueChangeListener(e -> edit(s -> s.scale = e.getValue()));
        currency.addValueChangeListener(e -> edit(s -> s.currency = e.getValue()));
        form.addValueChangeListener(e -> edit(s -> s.form = e.getValue()));
        resultType.addValueChangeListener(e -> edit(s -> s.resultType = e.getValue()));
        unique.addValueChangeListener(e -> edit(s -> s.unique = e.getValue()));
        indexed.addValueChangeListener(e -> edit(s -> s.indexed = e.getValue()));
        readOnly.addValueChangeListener(e -> edit(s -> s.readOnly = e.getValue()));
        showInList.addValueChangeListener(e -> edit(s -> s.showInList = e.getValue()));
        searchable.addValueChangeListener(e -> edit(s -> s.searchable = e.getValue()));
        readRoles.addValueChangeListener(e -> edit(s -> s.read = e.getValue()));
        writeRoles.addValueChangeListener(e -> edit(s -> s.write = e.getValue()));
    }

    private void keys() {
        byKey.put("id", id);
        byKey.put("type", type);
        byKey.put("label", labelEn);
        byKey.put("help", helpEn);
        byKey.put("default", defaultValue);
        byKey.put("min", min);
        byKey.put("max", max);
        byKey.put("maxLength", maxLength);
        byKey.put("pattern", pattern);
        byKey.put("scale", scale);
        byKey.put("currency", currency);
        byKey.put("options", options);
        byKey.put("form", form);
        byKey.put("expression", expression);
        byKey.put("resultType", resultType);
        byKey.put("visibleWhen", visibleWhen);
        byKey.put("requiredWhen", requiredWhen);
    }

    /** Shows only the keys the field's type takes, so the panel offers nothing the reader would refuse. */
    private void applicability(FieldDefinition f) {
        FieldType t = f.storedType();
        boolean number = t == FieldType.INTEGER || t == FieldType.DECIMAL || t == FieldType.MONEY
                || t == FieldType.PERCENT || t == FieldType.RATING;
        boolean text = t == FieldType.TEXT || t == FieldType.TEXTAREA;
        boolean stored = f.type() != FieldType.SUBTABLE && f.type() != FieldType.COMPUTED;
        boolean indexable = t != FieldType.MULTISELECT && t != FieldType.SUBTABLE && t != FieldType.TEXTAREA;
        defaultValue.setVisible(stored && t != FieldType.USER && t != FieldType.REFERENCE);
        min.getParent().ifPresent(p -> p.setVisible(number));
        maxLength.setVisible(text);
        pattern.setVisible(text || t == FieldType.EMAIL || t == FieldType.PHONE || t == FieldType.URL);
        scale.setVisible(t == FieldType.DECIMAL);
        currency.setVisible(t == FieldType.MONEY);
        options.setVisible(t.hasOptions());
        form.setVisible(f.type().targetsForm());
        expression.setVisible(f.type() == FieldType.COMPUTED);
        resultType.setVisible(f.type() == FieldType.COMPUTED);
        unique.setVisible(indexable);
        indexed.setVisible(indexable);
    }

    /**
     * A label changed: an id that still follows the label (the palette's {@code text_1}, or what the previous label
     * gave, i.e. not typed by hand) and is not published yet is made from the new label.
     */
    private void labelEdit(Consumer<FieldSpec> change) {
        if (loading || spec == null) {
            return;
        }
        int self = current.get().fields().stream().map(FieldDefinition::id).toList().indexOf(spec.id);
        boolean follows = !published && spec.id != null && (spec.id.matches(spec.type.jsonName() + "_\\d+")
                || spec.id.equals(FieldIds.fromLabel(labelOf(spec), current.get(), self)));
        change.accept(spec);
        String next = follows ? FieldIds.fromLabel(labelOf(spec), current.get(), self) : null;
        if (next != null && !next.equals(spec.id)) {
            spec.id = next;
            loading = true;
            try {
                id.setValue(next);
            } finally {
                loading = false;
            }
        }
        changed.accept(spec.toDefinition());
    }

    private static String labelOf(FieldSpec s) {
        return s.labelZh != null && !s.labelZh.isBlank() ? s.labelZh : s.labelEn;
    }

    private void edit(Consumer<FieldSpec> change) {
        if (loading || spec == null) {
            return;
        }
        change.accept(spec);
        changed.accept(spec.toDefinition());
    }

    private static void mark(Component c, String message) {
        if (c instanceof ScriptField script) {
            script.setError(message);
        } else if (c instanceof OptionsEditor editor) {
            editor.setError(message);
        } else if (c instanceof HasValidation v) {
            v.setErrorMessage(message);
            v.setInvalid(message != null);
        }
    }

    private TextField text(String id, String labelKey) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        return f;
    }

    private Checkbox check(String id, String labelKey) {
        Checkbox c = new Checkbox(getTranslation(labelKey));
        c.setId(id);
        return c;
    }

    private static HorizontalLayout pair(Component a, Component b) {
        HorizontalLayout row = new HorizontalLayout(a, b);
        row.setWidthFull();
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        List.of(a, b).forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidth("50%"));
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
