package io.kehu.sdk.testkit;

import com.vaadin.flow.component.UI;

/**
 * A mock Vaadin session opened by {@link KehuTestHost#ui(String)}; closing it signs the user out.
 *
 * <pre>{@code
 * try (KehuUi ui = kehu.ui("manager")) {
 *     ui.navigate("apps/tiering/preview");
 *     LocatorJ._get(Button.class, spec -> spec.withText("Evaluate now"))._click();
 * }
 * }</pre>
 */
public final class KehuUi implements AutoCloseable {

    private final KehuTestHost host;

    KehuUi(KehuTestHost host) {
        this.host = host;
    }

    /** Navigates to a route, e.g. {@code forms/customer/12} or {@code apps/<plugin id>/<path>}. */
    public KehuUi navigate(String route) {
        UI.getCurrent().navigate(route);
        return this;
    }

    /** The current UI, to look components up from. */
    public UI ui() {
        return UI.getCurrent();
    }

    @Override
    public void close() {
        host.closeUi();
    }
}
