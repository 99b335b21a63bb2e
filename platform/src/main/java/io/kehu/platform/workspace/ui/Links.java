package io.kehu.platform.workspace.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Rows and buttons of the boxes: whole-row links at least 44 px high, so they are easy to tap on a phone. */
final class Links {

    private Links() {
    }

    /** A row linking to {@code href} (a route such as {@code forms/customer/12}) with a main and a secondary line. */
    static Anchor row(String href, String main, String secondary) {
        Anchor row = new Anchor(href);
        row.getElement().setAttribute("router-link", true);
        row.addClassName("kehu-workspace-row");
        row.getStyle().set("display", "block").set("min-height", "44px").set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-5pct)")
                .set("text-decoration", "none").set("color", "var(--lumo-body-text-color)");
        Div first = new Div(main);
        first.getStyle().set("font-weight", "500").set("overflow-wrap", "anywhere");
        row.add(first);
        if (secondary != null && !secondary.isEmpty()) {
            Span second = new Span(secondary);
            second.getStyle().set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
            row.add(second);
        }
        return row;
    }

    /** A button-looking link: primary for the main action of a box. */
    static Anchor button(String id, String href, String text, boolean primary) {
        Anchor button = new Anchor(href, text);
        button.setId(id);
        button.getElement().setAttribute("router-link", true);
        button.getStyle().set("display", "inline-flex").set("align-items", "center").set("justify-content", "center")
                .set("min-height", "44px").set("padding", "0 var(--lumo-space-m)").set("box-sizing", "border-box")
                .set("border-radius", "var(--lumo-border-radius-m)").set("text-decoration", "none")
                .set("font-weight", "600").set("margin", "var(--lumo-space-xs) var(--lumo-space-s) 0 0")
                .set("background", primary ? "var(--lumo-primary-color)" : "var(--lumo-contrast-5pct)")
                .set("color", primary ? "var(--lumo-primary-contrast-color)" : "var(--lumo-primary-text-color)");
        return button;
    }
}
