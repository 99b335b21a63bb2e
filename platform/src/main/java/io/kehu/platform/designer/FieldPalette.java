package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldType;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The field types an administrator drags onto the canvas. Each is also a button: a click adds the field to the
 * selected section, so the designer works from the keyboard and without a mouse drag too.
 */
final class FieldPalette extends VerticalLayout {

    FieldPalette(Consumer<FieldType> addToSelectedSection) {
        setId("designer-palette");
        setPadding(false);
        setSpacing(false);
        setWidth("11em");
        getStyle().set("flex-shrink", "0").set("gap", "var(--lumo-space-xs)");
        add(new H4(getTranslation("designer.palette.title")));
        for (FieldType type : FieldType.values()) {
            Button item = new Button(getTranslation("designer.type." + type.jsonName()),
                    click -> addToSelectedSection.accept(type));
            item.setId("palette-" + type.jsonName());
            item.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            item.getElement().setAttribute("title", getTranslation("designer.palette.hint"));
            item.setWidthFull();
            item.getStyle().set("justify-content", "flex-start").set("cursor", "grab")
                    .set("border", "1px dashed var(--lumo-contrast-30pct)");
            // No effect restrictions: a drop target whose drop effect the source does not allow gets no drop at all.
            DragSource.create(item).setDragData(type);
            add(item);
        }
    }

    static String typeKey(FieldType type) {
        return "designer.type." + type.name().toLowerCase(Locale.ROOT);
    }
}
