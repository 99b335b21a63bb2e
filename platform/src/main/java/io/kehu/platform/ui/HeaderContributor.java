package io.kehu.platform.ui;

import com.vaadin.flow.component.Component;
import io.kehu.platform.security.CurrentUser;
import java.util.Locale;
import java.util.Optional;

/**
 * A source of header items shown before the language switch and the user menu (e.g. the notification bell). Every
 * Spring bean of this type is asked when the layout is built, so a feature adds its item without the layout knowing
 * it. An item that shows something changing (a count) can implement {@code AfterNavigationObserver} to refresh it on
 * every page the user opens.
 */
@FunctionalInterface
public interface HeaderContributor {

    /** The item for {@code user}, already in {@code locale}; empty when there is nothing for them. */
    Optional<Component> item(CurrentUser user, Locale locale);
}
