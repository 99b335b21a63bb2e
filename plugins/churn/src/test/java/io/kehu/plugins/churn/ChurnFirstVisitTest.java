package io.kehu.plugins.churn;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The warning list before anything was scored: an administrator is sent to the model page (where scoring starts),
 * everybody else is told to ask the administrator — the model page is the administrators' only. Its own Kehu (one
 * demo customer, so not the host the other churn tests share and score in): nothing is scored here.
 */
@KehuPluginTest(demoCustomers = 1)
class ChurnFirstVisitTest {

    @Test
    void staffAreToldToAskTheAdministratorAndTheAdministratorGetsTheLink(KehuTestHost kehu) {
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + WarningListView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("churn-warnings-title")).getText()).isEqualTo("流失预警名单");
            assertThat(_get(Span.class, spec -> spec.withId("churn-summary")).getText()).startsWith("尚未评分")
                    .contains("请联系系统管理员").doesNotContain("页面点击");
            assertThat(_find(Anchor.class, spec -> spec.withId("churn-model-link"))).as("no link to the admins' page")
                    .isEmpty();
        }
        try (KehuUi ui = kehu.ui("manager", Locale.ENGLISH)) {
            ui.navigate("apps/churn/" + WarningListView.PATH);
            assertThat(_get(Span.class, spec -> spec.withId("churn-summary")).getText())
                    .contains("ask your administrator");
        }
        try (KehuUi ui = kehu.ui("admin", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/churn/" + WarningListView.PATH);
            assertThat(_get(Span.class, spec -> spec.withId("churn-summary")).getText()).contains("立即评分");
            Anchor link = _get(Anchor.class, spec -> spec.withId("churn-model-link"));
            assertThat(link.getText()).isEqualTo("打开流失预警模型");
            assertThat(link.getHref()).isEqualTo("apps/churn/" + ModelView.PATH);
        }
    }
}
