package io.kehu.platform.calendar.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.ui.NavigationContributor;
import io.kehu.platform.ui.NavigationEntry;
import io.kehu.platform.ui.NavigationGroup;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Puts the business calendar into the administration section of the side navigation, for admins only. */
@Component
class CalendarNavigation implements NavigationContributor {

    private final Messages messages;

    CalendarNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        return user.hasRole(Role.ADMIN)
                ? List.of(new NavigationEntry(NavigationGroup.ADMIN, 65,
                        messages.getTranslation("calendar.nav", locale), CalendarView.ROUTE, VaadinIcon.CALENDAR))
                : List.of();
    }
}
