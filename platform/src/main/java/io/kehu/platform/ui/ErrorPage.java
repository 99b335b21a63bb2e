package io.kehu.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * What the in-app error pages share: a heading, one sentence and a link back to the home page, and the browser title,
 * all from the message keys {@code <prefix>.title} and {@code <prefix>.text}.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private String prefix = "error.notFound";

    /** Fills the page from the message keys {@code <prefix>.title} and {@code <prefix>.text}. */
    void show(String id, String prefix) {
        this.prefix = prefix;
        removeAll();
        setId(id);
        Anchor home = new Anchor("", getTranslation("error.backHome"));
        home.setId("error-home");
        add(new H2(getTranslation(prefix + ".title")), new Paragraph(getTranslation(prefix + ".text")), home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".title") + " · " + getTranslation("app.name");
    }
}
