package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginJar;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Record panels of a real plugin jar, installed at run time: each is a tab on saved customers (not on new ones); a
 * panel that throws shows an error text in its own tab and the record view keeps working.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=screens")
class PluginPanelsTest {

    private static final String ID = "panels-test";
    private static final Actor ADMIN = new Actor(1L, "admin", Set.of(Role.ADMIN));

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    PluginHost host;

    @BeforeEach
    void install() throws Exception {
        ScreensFixture.publishForms(catalog, publisher);
        String pkg = "io.kehu.plugins.panelstest";
        PluginJar jar = PluginJar.plugin(ID).description("Record panels")
                .source(pkg + ".Points", """
                        package %s;
                        import com.vaadin.flow.component.html.Span;
                        @org.pf4j.Extension
                        public class Points implements io.kehu.sdk.ui.RecordPanel {
                            public String formId() { return "customer"; }
                            public io.kehu.sdk.LocalText title() { return io.kehu.sdk.LocalText.of("积分", "Points"); }
                            public com.vaadin.flow.component.Component create(io.kehu.sdk.PluginContext c, long id) {
                                Span s = new Span("points of " + id);
                                s.setId("points-of-customer");
                                return s;
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".Broken", """
                        package %s;
                        @org.pf4j.Extension
                        public class Broken implements io.kehu.sdk.ui.RecordPanel {
                            public String formId() { return "customer"; }
                            public io.kehu.sdk.LocalText title() { return io.kehu.sdk.LocalText.of("坏", "Broken"); }
                            public com.vaadin.flow.component.Component create(io.kehu.sdk.PluginContext c, long id) {
                                throw new IllegalStateException("panel bug");
                            }
                        }
                        """.formatted(pkg));
        host.install(ADMIN, ID + ".jar", new ByteArrayInputStream(jar.bytes()));
    }

    @AfterEach
    void uninstall() {
        KaribuSession.signOut();
        if (host.plugin(ID).isPresent()) {
            host.uninstall(ADMIN, ID);
        }
    }

    @Test
    void eachPanelIsATabAndAFailingOneShowsAnErrorOnlyInItsTab() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Panels", "east_china");
        KaribuSession.signIn(context, accounts, "staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());

        assertThat(_find(Tab.class, spec -> spec.withPredicate(t -> t.getLabel().equals("Points")))).hasSize(1);
        select("Points");
        assertThat(_get(Span.class, spec -> spec.withId("points-of-customer")).getText())
                .isEqualTo("points of " + customer.id());

        select("Broken");
        assertThat(_get(Div.class, spec -> spec.withId("plugin-panel-error-" + ID)).getText())
                .isEqualTo("This tab of plugin " + ID + " could not be shown. An administrator finds the reason on"
                        + " the Plugins screen.");
        assertThat(host.plugin(ID).orElseThrow().error()).contains("panel bug");
        assertThat(_get(Button.class, spec -> spec.withId("record-save")).isEnabled())
                .as("the record view still works").isTrue();
        select("History");
        assertThat(_get(HistoryPanel.class).lines()).isNotEmpty();
    }

    @Test
    void aNewRecordHasNoPluginTabs() {
        KaribuSession.signIn(context, accounts, "staff");
        UI.getCurrent().navigate("forms/customer/new");
        assertThat(_find(Tab.class, spec -> spec.withPredicate(t -> t.getLabel().equals("Points")))).isEmpty();
    }

    private static void select(String label) {
        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withPredicate(t -> t.getLabel()
                .equals(label))));
    }
}
