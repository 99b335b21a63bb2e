package io.kehu.platform.ui;

import java.util.List;
import java.util.Locale;

/**
 * A source of side-navigation links (published forms, admin screens, plugin views). Every Spring bean of this type is
 * asked when a page is built, so a feature adds its links without touching the layout.
 *
 * <p>Example: {@code (user, locale) -> user.hasRole(Role.ADMIN) ? List.of(new NavigationEntry(ADMIN, 10, ...)) :
 * List.of()}. Return only links the user may open; the views still check access themselves.
 */
@FunctionalInterface
public interface NavigationContributor {

    List<NavigationEntry> entries(io.kehu.platform.security.CurrentUser user, Locale locale);
}
