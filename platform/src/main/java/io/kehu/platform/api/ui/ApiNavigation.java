package io.kehu.platform.api.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.ui.NavigationContributor;
import io.kehu.platform.ui.NavigationEntry;
import io.kehu.platform.ui.NavigationGroup;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Puts "API tokens" among the personal pages of the side navigation: every user manages their own tokens. */
@Component
class ApiNavigation implements NavigationContributor {

    private final Messages messages;

    ApiNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        return List.of(new NavigationEntry(NavigationGroup.WORKSPACE, 90,
                messages.getTranslation("api.tokens.nav", locale), ApiTokensView.ROUTE, VaadinIcon.KEY));
    }
}
