package io.kehu.platform.notifications.ui;

import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.HeaderContributor;
import java.util.Locale;
import java.util.Optional;

/** Puts the {@link NotificationBell} into the header of every signed-in page. */
@org.springframework.stereotype.Component
class BellContributor implements HeaderContributor {

    private final Notifications notifications;
    private final UserAccounts accounts;

    BellContributor(Notifications notifications, UserAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> item(CurrentUser user, Locale locale) {
        return user.username().flatMap(accounts::findByUsername).map(UserAccount::id)
                .map(id -> new NotificationBell(notifications, id));
    }
}
