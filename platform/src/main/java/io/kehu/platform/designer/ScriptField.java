package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.kehu.platform.designer.condition.ConditionBuilder;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.designer.condition.ConditionReader;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.rules.RuleCompileException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Groovy rule being written: compiled against the form being designed as the administrator types (the same
 * sandboxed compiler saves use), with the error's line and column shown right under it, and a button that tries the
 * rule on a record or sample values. A condition (visibleWhen, requiredWhen, form rules) is edited with the visual
 * {@link ConditionBuilder} when it is simple enough to be shown as rows, and in the Groovy editor (高级模式) otherwise
 * or when the administrator asks for it. Other features get one through {@link ConditionFields}.
 */
public final class ScriptField extends VerticalLayout {

    private final TextArea script = new TextArea();
    private final Span status = new Span();
    private final DesignerServices services;
    private final Supplier<FormDefinition> form;
    private final Consumer<String> changed;
    private ConditionBuilder builder;
    private Button mode;
    private final Span note = new Span();
    private final Span generated = new Span();
    private boolean loading;

    /** A Groovy expression (computed fields): the Groovy editor only. */
    ScriptField(String id, String label, DesignerServices services, Supplier<FormDefinition> form,
                Consumer<String> changed) {
        this(id, label, services, form, changed, null);
    }

    /**
     * A condition edited with the visual builder where possible; {@code emptyScript} is what an empty builder writes
     * ("" for no condition, "true" for a form rule); {@code null} for an expression that is no condition.
     */
    ScriptField(String id, String label, DesignerServices services, Supplier<FormDefinition> form,
                Consumer<String> changed, String emptyScript) {
        this.services = services;
        this.form = form;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        script.setId(id);
        script.setLabel(label);
        script.setWidthFull();
        script.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        script.setValueChangeMode(ValueChangeMode.LAZY);
        script.setValueChangeTimeout(600);
        script.addValueChangeListener(e -> {
            if (!loading) {
                generated.setText(e.getValue());
                compileCheck();
                changed.accept(e.getValue());
            }
        });
        status.setId(id + "-status");
        status.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Button tryIt = new Button(getTranslation("designer.rule.try"), click ->
                new RuleTryDialog(services, form.get(), script.getValue()).open());
        tryIt.setId(id + "-try");
        tryIt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout line = new HorizontalLayout(status, tryIt);
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        if (emptyScript == null) {
            add(script, line);
            return;
        }
        Span title = new Span(label);
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("color", "var(--lumo-secondary-text-color)");
        builder = new ConditionBuilder(id + "-builder", form, emptyScript, this::written);
        mode = new Button();
        mode.setId(id + "-mode");
        mode.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        mode.addClickListener(e -> {
            if (builder.isVisible()) {
                showBuilder(false);
            } else {
                tryBuilder(script.getValue());
            }
        });
        note.setId(id + "-note");
        note.setText(getTranslation("designer.cond.tooComplex"));
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-warning-text-color,"
                + " var(--lumo-secondary-text-color))");
        generated.setId(id + "-generated");
        generated.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("overflow-wrap", "anywhere");
        script.setLabel(getTranslation("designer.cond.groovy"));
        HorizontalLayout head = new HorizontalLayout(title, mode);
        head.setAlignItems(Alignment.BASELINE);
        head.setWidthFull();
        head.setJustifyContentMode(JustifyContentMode.BETWEEN);
        add(head, note, builder, generated, script, line);
        showBuilder(true);
    }

    /** The builder wrote a new rule: it becomes the script, as if typed. */
    private void written(String text) {
        loading = true;
        try {
            script.setValue(text);
        } finally {
            loading = false;
        }
        generated.setText(text);
        compileCheck();
        changed.accept(text);
    }

    /** Opens the builder for {@code text} if its rows can show it; else stays in (or goes to) the Groovy editor. */
    private void tryBuilder(String text) {
        Optional<Group> rows = ConditionReader.read(text, form.get());
        rows.ifPresent(builder::show);
        showBuilder(rows.isPresent());
        note.setVisible(rows.isEmpty());
    }

    private void showBuilder(boolean visual) {
        builder.setVisible(visual);
        generated.setVisible(visual);
        generated.setText(script.getValue());
        script.setVisible(!visual);
        note.setVisible(false);
        mode.setText(getTranslation(visual ? "designer.cond.expert" : "designer.cond.visual"));
    }

    /** Shows {@code value} (in the builder when it can show it) without reporting a change. */
    public void setScript(String value) {
        loading = true;
        try {
            script.setValue(value == null ? "" : value);
        } finally {
            loading = false;
        }
        if (builder != null) {
            tryBuilder(script.getValue());
        }
        compileCheck();
    }

    /** The rule as it stands. */
    public String value() {
        return script.getValue();
    }

    /** Shows why the rule was refused under it, or clears that with null. */
    public void setError(String message) {
        script.setInvalid(message != null);
        script.setErrorMessage(message);
    }

    private void compileCheck() {
        String text = script.getValue();
        if (text == null || text.isBlank()) {
            status.setText("");
            return;
        }
        try {
            services.engine.compile(form.get(), text);
            status.setText(getTranslation("designer.rule.compiles"));
            status.getStyle().set("color", "var(--lumo-success-text-color)");
        } catch (RuleCompileException e) {
            status.setText(getTranslation("designer.rule.error", e.line(), e.column(), e.reason()));
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        }
    }
}
