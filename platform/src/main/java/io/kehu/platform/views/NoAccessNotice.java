package io.kehu.platform.views;

import com.vaadin.flow.component.html.Paragraph;

/**
 * The one message for a record or form that does not exist and one the user may not open: deliberately the same, so
 * a URL reveals nothing about records of others.
 */
final class NoAccessNotice extends Paragraph {

    NoAccessNotice() {
        setId("no-access");
        setText(getTranslation("views.notFound"));
    }
}
