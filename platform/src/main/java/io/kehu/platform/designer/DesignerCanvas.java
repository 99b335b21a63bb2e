package io.kehu.platform.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LayoutSection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The form as the record view will lay it out: sections (with their tab, if any) of 1 to 4 columns, each holding
 * its fields as cards. Palette types and field cards are dragged onto a section (added at its end) or onto a card
 * (placed before it); cards also have buttons to move up and down, so nothing needs a mouse drag. Fields that are in
 * no section are listed below, to be dragged back in. The canvas only reports what the user did; the view edits the
 * definition and renders the canvas again.
 */
final class DesignerCanvas extends VerticalLayout {

    /** What the user did on the canvas. */
    interface Actions {
        void selectField(int index);

        void selectSection(int index);

        void dropNew(FieldType type, int section, int position);

        void move(String fieldId, int section, int position);

        void moveSection(int index, int delta);

        void addSection();
    }

    private final Actions actions;

    DesignerCanvas(Actions actions) {
        this.actions = actions;
        setId("designer-canvas");
        setPadding(false);
    }

    void render(FormDefinition form, DesignerProblems problems, Integer selectedField, Integer selectedSection) {
        removeAll();
        List<LayoutSection> sections = DesignerEdits.sections(form);
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            LayoutSection section = sections.get(i);
            placed.addAll(section.fields());
            add(section(form, problems, section, i, selectedField, Integer.valueOf(i).equals(selectedSection)));
        }
        Button addSection = new Button(getTranslation("designer.canvas.addSection"), VaadinIcon.PLUS.create(),
                click -> actions.addSection());
        addSection.setId("designer-add-section");
        addSection.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(addSection);
        List<Integer> unplaced = new java.util.ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            if (!placed.contains(form.fields().get(i).id())) {
                unplaced.add(i);
            }
        }
        if (!unplaced.isEmpty()) {
            Div hidden = new Div();
            hidden.setId("designer-unplaced");
            hidden.add(new Span(getTranslation("designer.canvas.unplaced")));
            unplaced.forEach(i -> hidden.add(card(form, problems, i, -1, -1, selectedField)));
            add(hidden);
        }
    }

    private Component section(FormDefinition form, DesignerProblems problems, LayoutSection section, int index,
                              Integer selectedField, boolean selected) {
        Div card = new Div();
        card.setId("designer-section-" + index);
        card.setWidthFull();
        card.getStyle().set("border", selected ? "2px solid var(--lumo-primary-color)"
                : "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)").set("box-sizing", "border-box");
        Span title = new Span(section.title().isEmpty() ? getTranslation("designer.canvas.untitled")
                : section.title().in(getLocale()));
        title.getStyle().set("font-weight", "600");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setAlignItems(Alignment.CENTER);
        if (section.tab() != null) {
            Span tab = new Span(getTranslation("designer.canvas.tab", section.tab().in(getLocale())));
            tab.getElement().getThemeList().add("badge");
            header.add(tab);
        }
        Span columns = new Span(getTranslation("designer.canvas.columns", section.columns()));
        columns.getElement().getThemeList().add("badge contrast");
        header.add(columns);
        problems.forSection(index).forEach(p -> header.add(errorText(p)));
        Button edit = small(VaadinIcon.COG, "designer.canvas.editSection", () -> actions.selectSection(index));
        edit.setId("designer-section-edit-" + index);
        Button up = small(VaadinIcon.ARROW_UP, "designer.canvas.sectionUp", () -> actions.moveSection(index, -1));
        Button down = small(VaadinIcon.ARROW_DOWN, "designer.canvas.sectionDown",
                () -> actions.moveSection(index, 1));
        Div spacer = new Div();
        header.addAndExpand(spacer);
        header.add(edit, up, down);
        header.setWidthFull();
        Div body = new Div();
        body.setId("designer-drop-" + index);
        body.getStyle().set("display", "grid")
                .set("grid-template-columns", "repeat(" + Math.max(1, Math.min(4, section.columns())) + ", 1fr)")
                .set("gap", "var(--lumo-space-s)").set("min-height", "3em").set("padding", "var(--lumo-space-xs)")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-s)");
        for (int p = 0; p < section.fields().size(); p++) {
            String id = section.fields().get(p);
            int fieldIndex = indexOf(form, id);
            if (fieldIndex >= 0) {
                body.add(card(form, problems, fieldIndex, index, p, selectedField));
            } else {
                body.add(errorText(getTranslation("designer.canvas.unknownField", id)));
            }
        }
        DropTarget.create(body).addDropListener(e -> dropped(e.getDragData(), index, section.fields().size()));
        card.add(header, body);
        return card;
    }

    private Component card(FormDefinition form, DesignerProblems problems, int fieldIndex, int section,
                           int position, Integer selectedField) {
        FieldDefinition field = form.fields().get(fieldIndex);
        Div card = new Div();
        card.setId("designer-field-" + fieldIndex);
        card.getElement().setAttribute("data-field", field.id() == null ? "" : field.id());
        boolean selected = Integer.valueOf(fieldIndex).equals(selectedField);
        boolean broken = problems.fieldHasProblems(fieldIndex);
        card.getStyle().set("background", "var(--lumo-base-color)").set("cursor", "grab")
                .set("border", (selected ? "2px solid var(--lumo-primary-color)" : broken
                        ? "2px solid var(--lumo-error-color)" : "1px solid var(--lumo-contrast-20pct)"))
                .set("border-radius", "var(--lumo-border-radius-s)").set("padding", "var(--lumo-space-xs)")
                .set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)");
        if (field.storedType() == FieldType.TEXTAREA || field.type() == FieldType.SUBTABLE) {
            card.getStyle().set("grid-column", "1 / -1");
        }
        String label = field.label().isEmpty() ? field.id() : field.label().in(getLocale());
        Span name = new Span(label + (field.required() ? " *" : ""));
        name.getStyle().set("font-weight", "500");
        // The type in words; the field's id (its column name) is for experts, in the properties panel when selected.
        Span meta = new Span(getTranslation(FieldPalette.typeKey(field.type())));
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div text = new Div(name, new Div(meta));
        text.getStyle().set("flex", "1").set("min-width", "0").set("overflow", "hidden");
        card.add(text);
        if (broken) {
            Span mark = new Span("!");
            mark.getElement().setAttribute("title", getTranslation("designer.canvas.hasProblems"));
            mark.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "700");
            card.add(mark);
        }
        if (section >= 0) {
            Button up = small(VaadinIcon.ANGLE_UP, "designer.canvas.up",
                    () -> actions.move(field.id(), section, position - 1));
            up.setId("designer-field-up-" + fieldIndex);
            Button down = small(VaadinIcon.ANGLE_DOWN, "designer.canvas.down",
                    () -> actions.move(field.id(), section, position + 2));
            down.setId("designer-field-down-" + fieldIndex);
            card.add(up, down);
        }
        card.addClickListener(click -> actions.selectField(fieldIndex));
        DragSource<Div> drag = DragSource.create(card);
        drag.setDragData(field.id());
        if (section >= 0) {
            DropTarget.create(card).addDropListener(e -> dropped(e.getDragData(), section, position));
        }
        return card;
    }

    /** A palette type becomes a new field; a field card moves. Dropping a card on itself changes nothing. */
    private void dropped(Optional<Object> data, int section, int position) {
        data.ifPresent(d -> {
            if (d instanceof FieldType type) {
                actions.dropNew(type, section, position);
            } else if (d instanceof String fieldId) {
                actions.move(fieldId, section, position);
            }
        });
    }

    private Button small(VaadinIcon icon, String titleKey, Runnable action) {
        Button b = new Button(icon.create(), click -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.getElement().setAttribute("title", getTranslation(titleKey));
        b.getElement().setAttribute("aria-label", getTranslation(titleKey));
        return b;
    }

    private static Span errorText(String message) {
        Span s = new Span(message);
        s.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return s;
    }

    private static int indexOf(FormDefinition form, String id) {
        for (int i = 0; i < form.fields().size(); i++) {
            if (id.equals(form.fields().get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}
