package io.kehu.platform.rules;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.ui.AdminNavigation;
import org.springframework.stereotype.Component;

/** Puts the rule console into the administration section of the side navigation, for admins only. */
@Component
class RulesNavigation extends AdminNavigation {

    RulesNavigation(Messages messages) {
        super(messages, new Screen(20, "rules.nav", RuleConsoleView.ROUTE, VaadinIcon.CODE));
    }
}
