package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.ui.AdminNavigation;
import org.springframework.stereotype.Component;

/** Puts the webhooks console into the administration section of the side navigation, for admins only. */
@Component
class WebhooksNavigation extends AdminNavigation {

    WebhooksNavigation(Messages messages) {
        super(messages, new Screen(60, "webhooks.nav", WebhooksView.ROUTE, VaadinIcon.CONNECT));
    }
}
