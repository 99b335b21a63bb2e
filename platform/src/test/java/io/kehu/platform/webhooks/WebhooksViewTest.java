package io.kehu.platform.webhooks;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.HomeView;
import io.kehu.platform.webhooks.ui.WebhooksView;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu tests of the webhooks console: empty state, adding an endpoint (secret shown once), a test event. */
@KehuTest
class WebhooksViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Webhooks webhooks;

    @BeforeEach
    void signIn() {
        KaribuSession.signIn(context, accounts, "admin");
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        for (WebhookEndpoint e : webhooks.endpoints(admin)) {
            webhooks.enable(admin, e.id(), false);
        }
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void addsAnEndpointShowsItsSecretOnceAndSendsATestEvent() throws Exception {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Webhook");
        UI.getCurrent().navigate(WebhooksView.class);
        try (Receiver receiver = new Receiver()) {
            _click(_get(Button.class, spec -> spec.withId("add-endpoint")));
            _get(TextField.class, spec -> spec.withLabel("接收地址（URL）")).setValue("not a url");
            _click(_get(Button.class, spec -> spec.withText("保存")));
            assertThat(_get(TextField.class, spec -> spec.withLabel("接收地址（URL）")).isInvalid()).isTrue();
            _get(TextField.class, spec -> spec.withLabel("接收地址（URL）")).setValue(receiver.url());
            _get(TextField.class, spec -> spec.withLabel("说明")).setValue("ERP 同步");
            _click(_get(Button.class, spec -> spec.withText("保存")));

            assertThat(_get(TextField.class, spec -> spec.withId("endpoint-secret")).getValue()).startsWith("whsec_");
            _click(_get(Button.class, spec -> spec.withText("我已保存")));
            assertThat(_find(TextField.class, spec -> spec.withId("endpoint-secret"))).isEmpty();

            Grid<WebhookEndpoint> grid = _get(Grid.class, spec -> spec.withId("endpoints"));
            String count = _get(Paragraph.class, spec -> spec.withId("endpoint-count")).getText();
            assertThat(count).startsWith("共 ").endsWith(" 个端点");
            WebhookEndpoint added = GridKt._findAll(grid).stream()
                    .filter(e -> "ERP 同步".equals(e.description())).findFirst().orElseThrow();
            assertThat(GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(added)))
                    .contains("标准 Webhook（JSON，带签名）", "新建记录", "全部表单", "已启用");
            assertThat(_get(Paragraph.class, spec -> spec.withId("attempt-count")).getText())
                    .startsWith("最近 30 天没有发送记录");

            _click(_get(Button.class, spec -> spec.withId("send-test")));
            assertThat(receiver.requests).hasSize(1);
            assertThat(_get(Paragraph.class, spec -> spec.withId("attempt-count")).getText())
                    .isEqualTo("最近 30 天共 1 次发送");
            Grid<WebhookAttempt> attempts = _get(Grid.class, spec -> spec.withId("attempts"));
            assertThat(GridKt._getFormattedRow(attempts, 0)).contains("测试事件", "200", "已送达");
        }
    }
}
