package io.kehu.platform.designer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.designer.condition.ConditionBuilder;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Karibu tests of issue #16 item 10 in the designer: a new field's id follows its label (pinyin) until typed by hand
 * or published, the condition builder writes visibleWhen and reads it back, a complex rule stays in expert mode,
 * duplicate labels warn, and the publish preview speaks of fields by label.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=designer")
class ConditionBuilderViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;

    @BeforeEach
    void forms() {
        DesignerFixture.publishForms(catalog, publisher, accounts);
        KaribuSession.signIn(context, accounts, "admin");
    }

    @AfterEach
    void tearDown() {
        KaribuSession.signOut();
    }

    @Test
    void theIdFollowsTheLabelUntilTypedByHand() {
        UI.getCurrent().navigate("admin/forms/interaction");
        _click(button("palette-text"));
        assertThat(text("prop-id").getValue()).isEqualTo("text_1");
        _setValue(text("prop-label-zh"), "微信号");
        assertThat(text("prop-id").getValue()).isEqualTo("wei_xin_hao");
        _setValue(text("prop-label-zh"), "VIP 微信号");
        assertThat(text("prop-id").getValue()).isEqualTo("vip_wei_xin_hao");
        _setValue(text("prop-label-en"), "WeChat");
        assertThat(text("prop-id").getValue()).isEqualTo("vip_wei_xin_hao");
        _setValue(text("prop-id"), "wechat");
        _setValue(text("prop-label-zh"), "微信");
        assertThat(text("prop-id").getValue()).isEqualTo("wechat");
        _click(button("palette-text"));
        _setValue(text("prop-label-zh"), "微信");
        _setValue(text("prop-label-zh"), "微信号");
        _setValue(text("prop-label-zh"), "微信");
        assertThat(text("prop-id").getValue()).isEqualTo("wei_xin");
        assertThat(warnings()).contains("“微信” is used by 2 fields");
        assertThat(button("designer-publish").isEnabled()).isTrue(); // a warning, not a problem
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBuilderWritesVisibleWhenAndAComplexRuleStaysInExpertMode() {
        FormDesignerView view = open("customer");
        _click(button("palette-textarea"));
        _setValue(text("prop-label-zh"), "大客户备注");
        _setValue(text("prop-label-en"), "Key account note");
        String id = text("prop-id").getValue();
        assertThat(id).isEqualTo("da_ke_hu_bei_zhu");

        _click(button("prop-visible-when-builder-add"));
        _setValue(_get(ComboBox.class, spec -> spec.withId("prop-visible-when-builder-row-0-field")),
                view.current().field("level").orElseThrow());
        assertThat(_get(Select.class, spec -> spec.withId("prop-visible-when-builder-row-0-op")).getValue())
                .hasToString("EQUALS");
        _setValue(_get(Select.class, spec -> spec.withId("prop-visible-when-builder-row-0-value")), "KEY");
        assertThat(view.current().field(id).map(FieldDefinition::visibleWhen)).contains("record.level == 'KEY'");
        assertThat(_get(Span.class, spec -> spec.withId("prop-visible-when-status")).getText()).isEqualTo("Compiles");

        _click(button("prop-visible-when-builder-add-group"));
        _setValue(_get(ComboBox.class, spec -> spec.withId("prop-visible-when-builder-group-1-row-0-field")),
                view.current().field("customer_type").orElseThrow());
        _setValue(_get(Select.class, spec -> spec.withId("prop-visible-when-builder-group-1-row-0-value")),
                "person");
        _click(button("prop-visible-when-builder-group-1-add"));
        _setValue(_get(ComboBox.class, spec -> spec.withId("prop-visible-when-builder-group-1-row-1-field")),
                view.current().field("name").orElseThrow());
        _setValue(_get(Select.class, spec -> spec.withId("prop-visible-when-builder-group-1-row-1-op")),
                io.kehu.platform.designer.condition.Operator.CONTAINS);
        _setValue(_get(TextField.class, spec -> spec.withId("prop-visible-when-builder-group-1-row-1-value")),
                "it's ${x}");
        String rule = "record.level == 'KEY' && (record.customer_type == 'person'"
                + " || (record.name != null && record.name.contains('it\\'s ${x}')))";
        assertThat(view.current().field(id).map(FieldDefinition::visibleWhen)).contains(rule);
        assertThat(_get(Span.class, spec -> spec.withId("prop-visible-when-generated")).getText()).isEqualTo(rule);
        assertThat(button("designer-publish").isEnabled()).isTrue();

        // Another field and back: the rule is read back into the same rows.
        _click(_get(Div.class, spec -> spec.withId("designer-field-0")));
        _click(_get(Div.class, spec -> spec.withId("designer-field-" + (view.current().fields().size() - 1))));
        assertThat(_get(ConditionBuilder.class, spec -> spec.withId("prop-visible-when-builder")).isVisible())
                .isTrue();
        assertThat(_get(Select.class, spec -> spec.withId("prop-visible-when-builder-row-0-value")).getValue())
                .isEqualTo("KEY");

        _click(button("prop-visible-when-mode"));
        TextArea groovy = _get(TextArea.class, spec -> spec.withId("prop-visible-when"));
        assertThat(groovy.getValue()).isEqualTo(rule);
        _setValue(groovy, "record.level == 'KEY' || user.hasRole('MANAGER')");
        _click(button("prop-visible-when-mode"));
        assertThat(_get(Span.class, spec -> spec.withId("prop-visible-when-note")).getText())
                .isEqualTo("This condition is too complex for the visual editor: edit it in expert mode");
        assertThat(groovy.isVisible()).isTrue();
        assertThat(view.current().field(id).map(FieldDefinition::visibleWhen))
                .contains("record.level == 'KEY' || user.hasRole('MANAGER')");
    }

    @Test
    void thePublishPreviewNamesFieldsByLabelAndThePublishedIdIsLocked() {
        FormDesignerView view = open("feedback");
        _click(button("palette-text"));
        _setValue(text("prop-label-zh"), "回访渠道");
        _setValue(text("prop-label-en"), "Callback channel");
        int index = view.current().fields().size() - 1;
        _click(button("designer-publish"));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("publish-summary")).getElement()
                .getTextRecursively()).isEqualTo("New field: Callback channel");
        _click(button("publish-confirm"));
        _click(_get(Div.class, spec -> spec.withId("designer-field-" + index)));
        assertThat(text("prop-id").getValue()).isEqualTo("hui_fang_qu_dao");
        assertThat(text("prop-id").isReadOnly()).isTrue();

        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class,
                spec -> spec.withId("prop-maxlength")), 100);
        _click(button("designer-publish"));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("publish-summary")).getElement()
                .getTextRecursively()).isEqualTo("Changed field: Callback channel (maximum length none → 100)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewFormRuleIsWrittenWithTheBuilder() {
        FormDesignerView view = open("interaction");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedTab(_get(
                com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("designer-tab-settings")));
        _click(button("form-add-rule"));
        int rule = view.current().rules().size() - 1;
        String prefix = "form-rule-" + rule + "-builder";
        assertThat(view.current().rules().get(rule).script()).isEqualTo("true");
        assertThat(_get(ConditionBuilder.class, spec -> spec.withId(prefix)).isVisible()).isTrue();
        FieldDefinition field = view.current().fields().stream()
                .filter(f -> f.type() != io.kehu.platform.forms.FieldType.SUBTABLE).findFirst().orElseThrow();
        _click(button(prefix + "-add"));
        _setValue(_get(ComboBox.class, spec -> spec.withId(prefix + "-row-0-field")), field);
        _setValue(_get(Select.class, spec -> spec.withId(prefix + "-row-0-op")),
                io.kehu.platform.designer.condition.Operator.NOT_EMPTY);
        String expected = io.kehu.platform.designer.condition.ConditionWriter.write(
                new io.kehu.platform.designer.condition.ConditionPart.Group(false, java.util.List.of(
                        new io.kehu.platform.designer.condition.ConditionPart.Comparison(field.id(),
                                io.kehu.platform.designer.condition.Operator.NOT_EMPTY, java.util.List.of()))),
                view.current());
        assertThat(view.current().rules().get(rule).script()).isEqualTo(expected).isNotEqualTo("true");
        assertThat(button("designer-publish").isEnabled()).isTrue();
        _click(button(prefix + "-row-0-remove"));
        assertThat(view.current().rules().get(rule).script()).isEqualTo("true");
    }

    private static FormDesignerView open(String form) {
        UI.getCurrent().navigate("admin/forms/" + form);
        return _get(FormDesignerView.class);
    }

    private static String warnings() {
        return _get(Div.class, spec -> spec.withId("designer-warnings")).getElement().getTextRecursively();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
