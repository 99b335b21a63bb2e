package io.kehu.platform.views;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
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
     * Whether the window of {@code ui} is phone-narrow; {@code false} while the browser has not said. The browser
     * details are read once per UI, so the first call also starts following resizes for the UI's later screens.
     */
    static boolean narrow(UI ui) {
        if (ui == null) {
            return false;
        }
        Width latest = ComponentUtil.getData(ui, Width.class);
        if (latest == null) {
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            latest = new Width(details == null ? 0 : details.getWindowInnerWidth());
            ComponentUtil.setData(ui, Width.class, latest);
            Width followed = latest;
            ui.getPage().addBrowserWindowResizeListener(resized -> followed.pixels = resized.getWidth());
        }
        return narrow(latest.pixels);
    }

    /** The window width of a UI as last reported. */
    private static final class Width {
        private int pixels;

        Width(int pixels) {
            this.pixels = pixels;
        }
    }

    static boolean narrow(int width) {
        return width > 0 && width < PHONE_MAX;
    }

    /**
     * Calls {@code changed} with the new answer whenever the window crosses {@link #PHONE_MAX}, starting from
     * {@code now}; remove the registration when the screen detaches.
     */
    static Registration onChange(UI ui, boolean now, Consumer<Boolean> changed) {
        boolean[] last = {now};
        return ui.getPage().addBrowserWindowResizeListener(resized -> {
            boolean narrow = narrow(resized.getWidth());
            if (narrow != last[0]) {
                last[0] = narrow;
                changed.accept(narrow);
            }
        });
    }
}
