package io.kehu.platform.webhooks;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.HomeView;
import io.kehu.platform.webhooks.ui.WebhooksView;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Records records;

    @BeforeEach
    void signIn() throws Exception {
        if (forms.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "webhook console tests");
        }
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

    @Test
    void aConditionIsEditedWithTheDesignersEditorRefusedWhenBrokenAndItsFailureShown() throws Exception {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(WebhooksView.class);
        try (Receiver receiver = new Receiver()) {
            _click(_get(Button.class, spec -> spec.withId("add-endpoint")));
            _get(TextField.class, spec -> spec.withLabel("接收地址（URL）")).setValue(receiver.url());
            _get(TextField.class, spec -> spec.withLabel("说明")).setValue("大客户同步");
            assertThat(_get(Paragraph.class, spec -> spec.withText("只选一个表单时，可以设置推送条件（只推送符合条件的记录）。")))
                    .isNotNull();
            FormDefinition customer = forms.published("customer").orElseThrow();
            MultiSelectComboBox<FormDefinition> formBox = _get(MultiSelectComboBox.class,
                    spec -> spec.withLabel("表单"));
            formBox.setValue(Set.of(customer));
            // The designer's builder is there; the expert mode takes Groovy.
            assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("endpoint-rule-builder")))
                    .hasSize(1);
            _click(_get(Button.class, spec -> spec.withId("endpoint-rule-mode")));
            TextArea script = _get(TextArea.class, spec -> spec.withId("endpoint-rule"));
            script.setValue("record.name ==");
            _click(_get(Button.class, spec -> spec.withId("endpoint-save")));
            assertThat(script.isInvalid()).isTrue();
            assertThat(script.getErrorMessage()).startsWith("条件第 ");
            script.setValue("record.name.substring(1000) == 'x'"); // compiles, fails on every record
            _click(_get(Button.class, spec -> spec.withId("endpoint-save")));
            _click(_get(Button.class, spec -> spec.withText("我已保存")));

            Grid<WebhookEndpoint> grid = _get(Grid.class, spec -> spec.withId("endpoints"));
            WebhookEndpoint added = GridKt._findAll(grid).stream()
                    .filter(e -> "大客户同步".equals(e.description())).findFirst().orElseThrow();
            assertThat(GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(added))).contains("新建记录（有条件）");

            Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
            records.create(staff, "customer", Map.of("name", "规则失败公司" + System.nanoTime() % 100_000,
                    "customer_type", "company", "phone", String.format("135%08d", System.nanoTime() % 100_000_000),
                    "account_manager", staff.userId()));
            UI.getCurrent().navigate(HomeView.class);
            UI.getCurrent().navigate(WebhooksView.class);
            Grid<WebhookEndpoint> again = _get(Grid.class, spec -> spec.withId("endpoints"));
            again.select(GridKt._findAll(again).stream().filter(e -> e.id() == added.id()).findFirst().orElseThrow());
            assertThat(_get(Paragraph.class, spec -> spec.withId("rule-problem")).getText())
                    .startsWith("推送条件在 ").contains("相关事件未推送到此端点");
        }
    }
}
