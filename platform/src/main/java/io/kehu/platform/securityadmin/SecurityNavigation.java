package io.kehu.platform.securityadmin;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.ui.AdminNavigation;
import org.springframework.stereotype.Component;

/** Puts the teams and sign-in pauses screens into the administration section of the side navigation, for admins only. */
@Component
class SecurityNavigation extends AdminNavigation {

    SecurityNavigation(Messages messages) {
        super(messages, new Screen(45, "security.teams.nav", TeamsView.ROUTE, VaadinIcon.USERS),
                new Screen(50, "security.pauses.nav", SignInPausesView.ROUTE, VaadinIcon.LOCK));
    }
}
