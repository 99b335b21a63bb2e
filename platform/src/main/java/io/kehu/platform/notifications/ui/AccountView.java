package io.kehu.platform.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.notifications.mail.MailNotices;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.MailSettings;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * 我的账号: who I am, and where the bell's notices reach me besides the app — an e-mail address and whether to mail
 * notices there. Every user manages only their own; the address is checked here and again when saved.
 */
@Route(value = AccountView.ROUTE, layout = MainLayout.class)
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "account";

    private final UserAccounts accounts;
    private final UserAccount me;
    private final EmailField email = new EmailField();
    private final Checkbox notices = new Checkbox();

    AccountView(CurrentUser user, UserAccounts accounts, MailNotices mail) {
        this.accounts = accounts;
        this.me = user.username().flatMap(accounts::findByUsername)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        setMaxWidth("40em");
        add(new H2(getTranslation("notifications.account.title")));
        Paragraph who = new Paragraph(getTranslation("notifications.account.who", me.displayName(), me.username()));
        who.setId("account-who");
        add(who, new H3(getTranslation("notifications.account.mail")));

        MailSettings settings = accounts.mailSettings(me.id());
        email.setId("account-email");
        email.setLabel(getTranslation("notifications.account.email"));
        email.setErrorMessage(getTranslation("notifications.account.emailInvalid"));
        email.setClearButtonVisible(true);
        email.setWidthFull();
        email.setValue(settings.email() == null ? "" : settings.email());
        notices.setId("account-mail-notices");
        notices.setLabel(getTranslation("notifications.account.notices"));
        notices.setValue(settings.notices());
        add(email, notices);
        if (!mail.configured()) {
            Paragraph off = new Paragraph(getTranslation("notifications.account.mailOff"));
            off.setId("account-mail-off");
            off.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(off);
        }
        Button save = new Button(getTranslation("notifications.account.save"), click -> save());
        save.setId("account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    private void save() {
        String address = email.getValue() == null ? "" : email.getValue().strip();
        if (!address.isEmpty() && !MailSettings.isAddress(address)) {
            email.setInvalid(true);
            return;
        }
        email.setInvalid(false);
        accounts.saveMailSettings(me.id(), address, notices.getValue());
        Notification saved = Notification.show(getTranslation(address.isEmpty() || !notices.getValue()
                ? "notifications.account.savedNoMail" : "notifications.account.saved", address));
        saved.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.account.title");
    }
}
