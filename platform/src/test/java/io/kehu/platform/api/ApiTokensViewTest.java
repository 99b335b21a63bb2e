package io.kehu.platform.api;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.api.ui.ApiTokensView;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The token screen in Chinese: count and empty state, a new token's secret shown once and working, revoking it (after
 * a confirmation) stops it; staff see only their own tokens, admins everyone's with the account's name.
 */
@KehuTest
class ApiTokensViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    FormPublisher publisher;
    @Autowired
    FormCatalog forms;

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void staffMakeATokenSeeItsSecretOnceAndRevokeIt() {
        UserAccount staff = accounts.findByUsername("staff").orElseThrow();
        int before = tokens.list(Actor.of(staff), staff.id()).size();
        open("staff");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("API 令牌");
        assertThat(_get(Span.class, spec -> spec.withId("api-token-count")).getText())
                .isEqualTo("共 " + before + " 个令牌");
        if (before == 0) {
            assertThat(_get(Paragraph.class, spec -> spec.withId("api-tokens-empty")).isVisible()).isTrue();
        }

        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-api-token")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-api-token")));
        TextField name = _get(TextField.class, spec -> spec.withId("api-token-name"));
        assertThat(name.isInvalid()).as("a token needs a purpose").isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("请填写令牌的用途");
        name.setValue("商城订单同步");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-api-token")));

        String secret = _get(TextField.class, spec -> spec.withId("api-token-secret")).getValue();
        assertThat(secret).startsWith("kehu_").hasSize(48);
        assertThat(tokens.authenticate(secret)).get().extracting(a -> a.actor().username()).isEqualTo("staff");
        assertThat(_get(Span.class, spec -> spec.withId("api-token-count")).getText())
                .isEqualTo("共 " + (before + 1) + " 个令牌");
        Grid<ApiToken> grid = tokensGrid();
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, 0))).contains("商城订单同步", "只读（所有表单）",
                "有效", "从未使用", secret.substring(0, 9));

        ButtonKt._click((Button) GridKt._getCellComponent(grid, 0, "revoke"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("revoke-token-dialog"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("商城订单同步");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(String.join(" | ", GridKt._getFormattedRow(tokensGrid(), 0))).contains("已撤销");
    }

    @Test
    void adminsSeeEveryonesTokensWithTheAccountNameAndStaffOnlyTheirOwn() {
        UserAccount manager = accounts.findByUsername("manager").orElseThrow();
        tokens.create(Actor.of(manager), manager.id(), "ERP 同步", ApiScopes.ALL, null);
        open("admin");
        assertThat(GridKt._findAll(tokensGrid()).stream().map(ApiToken::name)).contains("ERP 同步");
        int row = GridKt._findAll(tokensGrid()).stream().map(ApiToken::name).toList().indexOf("ERP 同步");
        assertThat(String.join(" | ", GridKt._getFormattedRow(tokensGrid(), row))).contains("王芳 Wang Fang",
                "读写（所有表单）");

        KaribuSession.signOut();
        open("staff");
        // staff without tokens see the empty state instead of a grid
        for (Grid<?> grid : _find(Grid.class, spec -> spec.withId("api-tokens"))) {
            assertThat(GridKt._findAll(grid).stream().map(t -> ((ApiToken) t).name())).doesNotContain("ERP 同步");
        }
    }

    @Test
    void aTokenForChosenFormsIsPickedByLabelAndOnlyReachesThoseForms() {
        publisher.publish(new DefinitionReader().read("scope_lead.json", """
                {"id": "scope_lead", "label": {"zh": "销售线索", "en": "Lead"}, "titleField": "name",
                 "fields": [{"id": "name", "type": "text", "label": {"zh": "名称", "en": "Name"}}]}"""), "test", "scope");
        publisher.publish(new DefinitionReader().read("scope_visit.json", """
                {"id": "scope_visit", "label": {"zh": "拜访记录", "en": "Visit"}, "titleField": "name",
                 "fields": [{"id": "name", "type": "text", "label": {"zh": "名称", "en": "Name"}}]}"""), "test", "scope");
        open("staff");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-api-token")));
        _get(TextField.class, spec -> spec.withId("api-token-name")).setValue("小程序同步");
        @SuppressWarnings("unchecked")
        Select<String> scope = _get(Select.class, spec -> spec.withId("api-token-scope"));
        assertThat(_find(MultiSelectComboBox.class)).as("form pickers only for chosen forms").isEmpty();
        scope.setValue("forms");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<FormDefinition> readForms = _get(MultiSelectComboBox.class,
                spec -> spec.withId("api-token-read-forms"));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<FormDefinition> writeForms = _get(MultiSelectComboBox.class,
                spec -> spec.withId("api-token-write-forms"));
        assertThat(readForms.getLabel()).isEqualTo("只读的表单");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-api-token")));
        assertThat(readForms.isInvalid()).as("no form chosen").isTrue();
        assertThat(readForms.getErrorMessage()).isEqualTo("请至少选择一个表单");

        // Picked by what people read in the list, the label.
        assertThat(readForms.getListDataView().getItems().map(readForms.getItemLabelGenerator()))
                .contains("销售线索", "拜访记录");
        FormDefinition lead = forms.published("scope_lead").orElseThrow();
        FormDefinition visit = forms.published("scope_visit").orElseThrow();
        readForms.setValue(java.util.Set.of(visit));
        writeForms.setValue(java.util.Set.of(lead));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-api-token")));

        String secret = _get(TextField.class, spec -> spec.withId("api-token-secret")).getValue();
        ApiScopes scopes = tokens.authenticate(secret).orElseThrow().token().scopes();
        assertThat(scopes.grants()).containsExactlyInAnyOrder("read:scope_visit", "write:scope_lead");
        assertThat(scopes.mayWrite("scope_lead")).isTrue();
        assertThat(scopes.mayWrite("scope_visit")).isFalse();
        assertThat(scopes.mayRead("scope_visit")).isTrue();
        assertThat(scopes.mayRead("customer")).isFalse();
        int row = GridKt._findAll(tokensGrid()).stream().map(ApiToken::name).toList().indexOf("小程序同步");
        assertThat(String.join(" | ", GridKt._getFormattedRow(tokensGrid(), row)))
                .contains("读写：销售线索；只读：拜访记录").doesNotContain("scope_");
    }

    private void open(String username) {
        KaribuSession.signIn(context, accounts, username);
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(ApiTokensView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiToken> tokensGrid() {
        return _get(Grid.class, spec -> spec.withId("api-tokens"));
    }
}
