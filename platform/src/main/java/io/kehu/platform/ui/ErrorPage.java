package io.kehu.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The body shared by the in-app error pages: a heading, one sentence, and a link back to the home page. */
abstract class ErrorPage extends VerticalLayout {

    /** Fills the page from the message keys {@code <prefix>.title} and {@code <prefix>.text}. */
    void show(String id, String prefix) {
        removeAll();
        setId(id);
        Anchor home = new Anchor("", getTranslation("error.backHome"));
        home.setId("error-home");
        add(new H2(getTranslation(prefix + ".title")), new Paragraph(getTranslation(prefix + ".text")), home);
    }
}
