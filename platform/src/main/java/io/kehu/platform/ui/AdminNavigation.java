package io.kehu.platform.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Links of a feature's screens in the administration section, shown to administrators only. A feature with admin
 * screens declares them in a small subclass (a Spring bean) instead of writing the role check and the translated
 * entries again; the views still check access themselves.
 */
public abstract class AdminNavigation implements NavigationContributor {

    /** One admin screen: its place in the section, the message key of its label, its route and icon. */
    public record Screen(int order, String labelKey, String route, VaadinIcon icon) {
    }

    private final Messages messages;
    private final List<Screen> screens;

    protected AdminNavigation(Messages messages, Screen... screens) {
        this.messages = messages;
        this.screens = List.of(screens);
    }

    @Override
    public final List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        if (!user.hasRole(Role.ADMIN)) {
            return List.of();
        }
        List<NavigationEntry> entries = new ArrayList<>(screens.size());
        for (Screen screen : screens) {
            entries.add(new NavigationEntry(NavigationGroup.ADMIN, screen.order(),
                    messages.getTranslation(screen.labelKey(), locale), screen.route(), screen.icon()));
        }
        return entries;
    }
}
