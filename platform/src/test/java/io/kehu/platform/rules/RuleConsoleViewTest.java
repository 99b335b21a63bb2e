package io.kehu.platform.rules;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.HomeView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu tests of the rule console: admins find it, run a form's rule on sample values, and see compile errors. */
@KehuTest
class RuleConsoleViewTest {

    private static final String FORM = "console_lead";

    @Autowired
    ApplicationContext context;
    @Autowired
    DefinitionReader reader;
    @Autowired
    FormPublisher publisher;

    @BeforeEach
    void publishForm() {
        FormDefinition lead = reader.read(FORM + ".json", """
            {"id": "%s", "label": {"en": "Lead", "zh": "线索"}, "titleField": "name",
             "fields": [{"id": "name", "type": "text"}, {"id": "budget", "type": "money"}],
             "rules": [{"on": "validate", "script": "record.budget > 100", "message": {"en": "Too small"}}]}
            """.formatted(FORM));
        publisher.publish(lead, "admin", null);
        signIn();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void adminsFindTheConsoleInTheAdministrationSection() {
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Rule console");
    }

    @Test
    void runsAFormsRuleOnSampleValues() {
        UI.getCurrent().navigate(RuleConsoleView.class);
        ComboBox<FormDefinition> form = combo("rules-form");
        form.setValue(form.getListDataView().getItems().filter(f -> f.id().equals(FORM)).findFirst().orElseThrow());
        ComboBox<RuleChoice> rule = combo("rules-rule");
        rule.setValue(rule.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(_get(TextArea.class, spec -> spec.withId("rules-script")).getValue())
                .isEqualTo("record.budget > 100");
        _get(TextArea.class, spec -> spec.withId("rules-sample")).setValue("{\"budget\": 250}");

        _click(_get(Button.class, spec -> spec.withId("rules-run")));

        assertThat(span("rules-result")).isEqualTo("Result: true");
        assertThat(span("rules-time")).startsWith("Time: ").endsWith(" ms");
        assertThat(span("rules-error")).isEmpty();
    }

    @Test
    void showsACompileErrorWithLineAndColumn() {
        UI.getCurrent().navigate(RuleConsoleView.class);
        ComboBox<FormDefinition> form = combo("rules-form");
        form.setValue(form.getListDataView().getItems().filter(f -> f.id().equals(FORM)).findFirst().orElseThrow());
        _get(TextArea.class, spec -> spec.withId("rules-script")).setValue("record.name == 'x' &&\n  record.budgt > 1");

        _click(_get(Button.class, spec -> spec.withId("rules-run")));

        assertThat(span("rules-error")).startsWith("Line 2, column 10: ").contains("budgt");
        assertThat(span("rules-result")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static String span(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private void signIn() {
        KaribuSession.signIn(context, new KehuUserDetails("admin", "Administrator", List.of(Role.ADMIN)));
    }
}
