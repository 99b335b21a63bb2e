package io.kehu.platform.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.util.function.Supplier;

/**
 * The count after a side-navigation link (e.g. open tasks). The layout outlives page changes, so the count is asked
 * again after every navigation rather than only when the layout was built.
 */
final class NavigationBadge extends Span implements AfterNavigationObserver, LiveCount {

    private final Supplier<String> count;

    NavigationBadge(String id, Supplier<String> count) {
        this.count = count;
        setId(id);
        getElement().getThemeList().add("badge pill small contrast");
        refresh();
    }

    @Override
    public void refresh() {
        String text = count.get();
        setText(text == null ? "" : text);
        setVisible(text != null && !text.isBlank());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }
}
