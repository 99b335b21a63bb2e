package io.kehu.platform.dashboards.ui;

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

/** The "Dashboards" link, for managers and administrators (the shipped dashboards are theirs). */
@Component
class DashboardNavigation implements NavigationContributor {

    private final Messages messages;

    DashboardNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        if (!user.hasRole(Role.MANAGER) && !user.hasRole(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new NavigationEntry(NavigationGroup.WORKSPACE, 10,
                messages.getTranslation("dashboards.nav", locale), "dashboards", VaadinIcon.DASHBOARD));
    }
}
