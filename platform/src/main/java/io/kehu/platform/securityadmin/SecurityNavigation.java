package io.kehu.platform.securityadmin;

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

/** Puts the teams and sign-in pauses screens into the administration section of the side navigation, for admins only. */
@Component
class SecurityNavigation implements NavigationContributor {

    private final Messages messages;

    SecurityNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        return user.hasRole(Role.ADMIN)
                ? List.of(new NavigationEntry(NavigationGroup.ADMIN, 45,
                        messages.getTranslation("security.teams.nav", locale), TeamsView.ROUTE, VaadinIcon.USERS),
                        new NavigationEntry(NavigationGroup.ADMIN, 50,
                        messages.getTranslation("security.pauses.nav", locale), SignInPausesView.ROUTE,
                        VaadinIcon.LOCK))
                : List.of();
    }
}
