package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.DefinitionException;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.FormDefinition;
import java.util.List;
import java.util.function.Consumer;

/**
 * The definition as JSON in the format of {@code form-definitions/}, editable. What the visual editor changes shows
 * up here at once; what is typed here is applied to the visual editor when it passes the same reader that imports and
 * seeds go through (syntax, schema, meaning). Text that does not pass stays as typed, with every problem listed, and
 * changes nothing until fixed or reverted.
 */
final class JsonPanel extends VerticalLayout {

    private final DesignerServices services;
    private final Consumer<FormDefinition> applied;
    private final TextArea json = new TextArea();
    private final Div problems = new Div();
    private final Span state = new Span();
    private FormDefinition shown;
    private boolean edited;

    JsonPanel(DesignerServices services, Consumer<FormDefinition> applied) {
        this.services = services;
        this.applied = applied;
        setId("designer-json");
        setPadding(false);
        json.setId("designer-json-text");
        json.setWidthFull();
        json.setMinHeight("28em");
        json.setMaxHeight("60vh");
        json.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)");
        json.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edited = true;
                state.setText(getTranslation("designer.json.edited"));
            }
        });
        problems.setId("designer-json-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        Button apply = new Button(getTranslation("designer.json.apply"), click -> apply());
        apply.setId("designer-json-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button revert = new Button(getTranslation("designer.json.revert"), click -> {
            edited = false;
            show(shown);
        });
        revert.setId("designer-json-revert");
        revert.addThemeVariants(ButtonVariant.LUMO_SMALL);
        state.setId("designer-json-state");
        HorizontalLayout actions = new HorizontalLayout(apply, revert, state);
        actions.setAlignItems(Alignment.BASELINE);
        add(actions, problems, json);
    }

    /** Shows {@code form}, unless the administrator is in the middle of editing the text. */
    void show(FormDefinition form) {
        shown = form;
        if (edited) {
            return;
        }
        json.setValue(services.writer.write(form));
        problems.setText("");
        state.setText("");
    }

    /** Reads the text; applies it when valid, else lists the problems by JSON path. */
    void apply() {
        try {
            FormDefinition read = services.reader.read(DesignerProblems.SOURCE + ".json", json.getValue(),
                    services.knownForms());
            if (shown != null && !read.id().equals(shown.id())) {
                problems.setText(getTranslation("designer.json.otherForm", read.id(), shown.id()));
                return;
            }
            edited = false;
            applied.accept(read);
            show(read);
        } catch (DefinitionException e) {
            showProblems(e.problems());
        }
    }

    boolean isEdited() {
        return edited;
    }

    /** Sets the text as if typed (used by import too): it is applied only if it reads without problems. */
    void setText(String text) {
        json.setValue(text);
        edited = true;
    }

    private void showProblems(List<DefinitionProblem> found) {
        StringBuilder text = new StringBuilder();
        found.forEach(p -> text.append(p.jsonPath()).append(": ").append(p.message(getLocale())).append('\n'));
        problems.setText(text.toString().strip());
        state.setText(getTranslation("designer.json.notApplied"));
    }
}
