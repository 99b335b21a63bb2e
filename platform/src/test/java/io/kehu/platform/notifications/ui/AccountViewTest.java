package io.kehu.platform.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.MailSettings;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * 我的账号 in Chinese: a staff member gives their e-mail address and turns mail notices on; a wrong address is shown at
 * the field and not saved; without a mail server the page says notices stay in the app.
 */
@KehuTest
class AccountViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void staffSetTheirAddressAndAWrongOneIsRefusedAtTheField() {
        UserAccount staff = accounts.findByUsername("staff").orElseThrow();
        accounts.saveMailSettings(staff.id(), null, true);
        KaribuSession.signIn(context, accounts, "staff");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(AccountView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("account-who")).getText())
                .isEqualTo(staff.displayName() + "（登录名：staff）");
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-mail-off")).getText())
                .startsWith("服务器尚未配置邮件发送");
        EmailField email = _get(EmailField.class, spec -> spec.withId("account-email"));
        Checkbox notices = _get(Checkbox.class, spec -> spec.withId("account-mail-notices"));
        assertThat(email.getLabel()).isEqualTo("电子邮箱");

        email.setValue("王芳 at 公司");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("account-save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("请输入有效的邮箱地址，例如 zhang.san@company.com");
        assertThat(accounts.mailSettings(staff.id()).email()).isNull();

        email.setValue("wang.fang@huarun-foods.cn");
        notices.setValue(true);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("account-save")));
        assertThat(email.isInvalid()).isFalse();
        assertThat(accounts.mailSettings(staff.id())).isEqualTo(new MailSettings("wang.fang@huarun-foods.cn", true));
        accounts.saveMailSettings(staff.id(), null, true);
    }
}
