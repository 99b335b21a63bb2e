package io.kehu.platform.designer;

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

/** Puts the forms list and the workflows list (and through them the designers) into the administration section, for admins only. */
@Component
class DesignerNavigation implements NavigationContributor {

    private final Messages messages;

    DesignerNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        return user.hasRole(Role.ADMIN)
                ? List.of(new NavigationEntry(NavigationGroup.ADMIN, 10, messages.getTranslation("designer.nav",
                        locale), FormsAdminView.ROUTE, VaadinIcon.FORM),
                        new NavigationEntry(NavigationGroup.ADMIN, 11, messages.getTranslation("wf.nav", locale),
                                WorkflowsAdminView.ROUTE, VaadinIcon.SITEMAP))
                : List.of();
    }
}
