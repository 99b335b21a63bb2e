package io.kehu.platform.views;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether the browser window is phone-narrow, for screens that build a different component tree there (cards instead
 * of a grid) rather than only restyling it. The width comes from the browser details Vaadin receives when the UI
 * starts, and changes (a phone turned sideways, a desktop window made narrow) from its window resize events. CSS media
 * queries alone cannot do this: a grid hidden by CSS would still be built and would still load its rows.
 */
final class ScreenWidth {

    /** Below this many CSS pixels a window is a phone's (390 px portrait); a small tablet (600+) keeps the grid. */
    static final int PHONE_MAX = 600;

    private ScreenWidth() {
    }

    /**
     * Whether the window of {@code ui} is phone-narrow; {@code false} while the browser has not said. The first call
     * per UI starts following its width: from the browser details when Vaadin has them, else from a request for them
     * (a page rendered in its first request, {@code vaadin.eagerServerLoad}, has none yet), and from resize events.
     */
    static boolean narrow(UI ui) {
        if (ui == null) {
            return false;
        }
        Width width = width(ui);
        if (width.pixels <= 0) { // the browser details may have arrived since the first call asked for them
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getWindowInnerWidth() > 0) {
                width.pixels = details.getWindowInnerWidth();
            }
        }
        return narrow(width.pixels);
    }

    private static Width width(UI ui) {
        Width latest = ComponentUtil.getData(ui, Width.class);
        if (latest == null) {
            Width followed = new Width();
            ComponentUtil.setData(ui, Width.class, followed);
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getWindowInnerWidth() > 0) {
                followed.pixels = details.getWindowInnerWidth();
            } else {
                ui.getPage().retrieveExtendedClientDetails(received -> reported(ui, received.getWindowInnerWidth()));
            }
            ui.getPage().addBrowserWindowResizeListener(resized -> reported(ui, resized.getWidth()));
            latest = followed;
        }
        return latest;
    }

    /**
     * The browser reported the window of {@code ui} {@code pixels} wide (its details when the UI started, or a
     * resize): screens following the width hear it when it crosses the limit. View tests report a phone's width here.
     */
    static void reported(UI ui, int pixels) {
        width(ui).update(pixels);
    }

    /** The window width of a UI as last reported, and the screens that want to hear when it crosses the limit. */
    private static final class Width {
        private int pixels;
        private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

        void update(int width) {
            pixels = width;
            listeners.forEach(listener -> listener.accept(narrow(width)));
        }
    }

    static boolean narrow(int width) {
        return width > 0 && width < PHONE_MAX;
    }

    /**
     * Calls {@code changed} with the new answer whenever the window crosses {@link #PHONE_MAX} (or its width first
     * becomes known), starting from {@code now}; remove the registration when the screen detaches.
     */
    static Registration onChange(UI ui, boolean now, Consumer<Boolean> changed) {
        boolean[] last = {now};
        Consumer<Boolean> listener = narrow -> {
            if (narrow != last[0]) {
                last[0] = narrow;
                changed.accept(narrow);
            }
        };
        Width width = width(ui);
        width.listeners.add(listener);
        return () -> width.listeners.remove(listener);
    }
}
