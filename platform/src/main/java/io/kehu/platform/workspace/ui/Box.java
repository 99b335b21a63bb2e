package io.kehu.platform.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * One card of the workspace: a heading with an optional count, content, and an empty-state text shown instead of the
 * content when there is nothing. Ids: {@code box-<name>}, {@code box-<name>-count}, {@code box-<name>-empty}.
 */
class Box extends Div {

    private final Div body = new Div();

    Box(String name, String title, String count) {
        setId("box-" + name);
        addClassName("kehu-workspace-box");
        getStyle().set("background", "var(--lumo-base-color)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)")
                .set("min-width", "0");
        H3 heading = new H3(title);
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-l)")
                .set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)");
        if (count != null) {
            Span badge = new Span(count);
            badge.setId("box-" + name + "-count");
            badge.getElement().getThemeList().add("badge pill");
            heading.add(badge);
        }
        body.getStyle().set("display", "flex").set("flex-direction", "column");
        add(heading, body);
    }

    Box content(Component... parts) {
        body.add(parts);
        return this;
    }

    Box empty(String name, String text) {
        Paragraph empty = new Paragraph(text);
        empty.setId("box-" + name + "-empty");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-s) 0");
        body.add(empty);
        return this;
    }
}
