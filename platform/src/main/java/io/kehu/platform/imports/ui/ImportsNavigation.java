package io.kehu.platform.imports.ui;

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

/**
 * "我的导入" in the workspace section of the side navigation, for every signed-in user, and "导入数据" (pick a form, then
 * the wizard) in the administration section for administrators.
 */
@Component
class ImportsNavigation implements NavigationContributor {

    private final Messages messages;

    ImportsNavigation(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        if (user.username().isEmpty()) {
            return List.of();
        }
        NavigationEntry mine = new NavigationEntry(NavigationGroup.WORKSPACE, 80,
                messages.getTranslation("imports.nav", locale), MyImportsView.ROUTE, VaadinIcon.UPLOAD);
        return user.hasRole(Role.ADMIN)
                ? List.of(mine, new NavigationEntry(NavigationGroup.ADMIN, 70,
                        messages.getTranslation("imports.nav.admin", locale), ImportView.ROUTE, VaadinIcon.UPLOAD))
                : List.of(mine);
    }
}
