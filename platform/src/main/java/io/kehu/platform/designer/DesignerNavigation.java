package io.kehu.platform.designer;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.ui.AdminNavigation;
import org.springframework.stereotype.Component;

/** Puts the forms list and the workflows list (and through them the designers) into the administration section, for admins only. */
@Component
class DesignerNavigation extends AdminNavigation {

    DesignerNavigation(Messages messages) {
        super(messages, new Screen(10, "designer.nav", FormsAdminView.ROUTE, VaadinIcon.FORM),
                new Screen(11, "wf.nav", WorkflowsAdminView.ROUTE, VaadinIcon.SITEMAP));
    }
}
