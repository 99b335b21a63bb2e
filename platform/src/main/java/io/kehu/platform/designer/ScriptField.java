package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.rules.RuleCompileException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Groovy rule being written: compiled against the form being designed as the administrator types (the same
 * sandboxed compiler saves use), with the error's line and column shown right under it, and a button that tries the
 * rule on a record or sample values.
 */
final class ScriptField extends VerticalLayout {

    private final TextArea script = new TextArea();
    private final Span status = new Span();
    private final DesignerServices services;
    private final Supplier<FormDefinition> form;
    private boolean loading;

    ScriptField(String id, String label, DesignerServices services, Supplier<FormDefinition> form,
                Consumer<String> changed) {
        this.services = services;
        this.form = form;
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
        add(script, line);
    }

    void setScript(String value) {
        loading = true;
        try {
            script.setValue(value == null ? "" : value);
        } finally {
            loading = false;
        }
        compileCheck();
    }

    String value() {
        return script.getValue();
    }

    void setError(String message) {
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
