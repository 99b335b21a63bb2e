package io.kehu.platform.designer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormVersion;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Karibu tests of the form designer: the property panel edits the definition and shows the reader's problems on the
 * inputs they are about, the JSON view and the visual editor stay in sync both ways, undo/redo, drafts resumed by
 * another administrator, and publishing through the migration preview.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=designer")
class FormDesignerViewTest {

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
    void thePropertyPanelEditsTheNewFieldAndTheJsonFollows() {
        FormDesignerView view = open("interaction");
        _click(button("palette-text"));
        assertThat(text("prop-id").getValue()).isEqualTo("text_1");

        _setValue(text("prop-id"), "wechat_id");
        _setValue(text("prop-label-zh"), "微信号");
        _setValue(text("prop-label-en"), "WeChat ID");
        _setValue(_get(Checkbox.class, spec -> spec.withId("prop-required")), true);
        _setValue(_get(Checkbox.class, spec -> spec.withId("prop-show-in-list")), true);

        FieldDefinition field = view.current().field("wechat_id").orElseThrow();
        assertThat(field.type()).isEqualTo(FieldType.TEXT);
        assertThat(field.label().zh()).isEqualTo("微信号");
        assertThat(field.label().en()).isEqualTo("WeChat ID");
        assertThat(field.required()).isTrue();
        assertThat(field.showInList()).isTrue();
        assertThat(view.current().layout().getFirst().fields()).endsWith("wechat_id");
        assertThat(_get(Div.class, spec -> spec.withId("designer-field-" + (view.current().fields().size() - 1)))
                .getElement().getAttribute("data-field")).isEqualTo("wechat_id");
        showTab("designer-tab-json");
        String json = _get(TextArea.class, spec -> spec.withId("designer-json-text")).getValue();
        assertThat(json).contains("\"id\": \"wechat_id\"").contains("\"zh\": \"微信号\"").contains("\"required\": true");
        assertThat(button("designer-publish").isEnabled()).isTrue();
        assertThat(button("designer-undo").isEnabled()).isTrue();
    }

    @Test
    void editedJsonReachesTheVisualEditorAndInvalidJsonChangesNothing() {
        FormDesignerView view = open("feedback");
        showTab("designer-tab-json");
        TextArea json = _get(TextArea.class, spec -> spec.withId("designer-json-text"));
        String original = json.getValue();
        FormDefinition before = view.current();

        int fields = original.indexOf("\"fields\": [") + "\"fields\": [".length();
        _setValue(json, original.substring(0, fields) + "\n    {\"id\": \"from_json\", \"type\": \"integer\", "
                + "\"label\": {\"zh\": \"来自JSON\", \"en\": \"From JSON\"}, \"min\": 0}," + original.substring(fields));
        _click(button("designer-json-apply"));

        assertThat(view.current().fields().getFirst().id())
                .as(_get(Div.class, spec -> spec.withId("designer-json-problems")).getText()).isEqualTo("from_json");
        assertThat(view.current().fields().getFirst().min()).isZero();
        showTab("designer-tab-design");
        _click(_get(Div.class, spec -> spec.withId("designer-field-0")));
        assertThat(text("prop-id").getValue()).isEqualTo("from_json");
        assertThat(text("prop-label-en").getValue()).isEqualTo("From JSON");

        FormDefinition applied = view.current();
        showTab("designer-tab-json");
        _setValue(json, json.getValue().replace("\"type\": \"integer\"", "\"type\": \"txt\""));
        _click(button("designer-json-apply"));
        assertThat(view.current()).isEqualTo(applied);
        assertThat(_get(Div.class, spec -> spec.withId("designer-json-problems")).getText())
                .contains("$.fields[0].type");

        _click(button("designer-undo"));
        assertThat(view.current()).isEqualTo(before);
        _click(button("designer-redo"));
        assertThat(view.current()).isEqualTo(applied);
    }

    @Test
    void invalidInputIsShownOnItsInputAndPublishStaysDisabledUntilFixed() {
        FormDesignerView view = open("purchase");
        _click(button("palette-select"));
        int index = view.current().fields().size() - 1;

        _setValue(text("prop-id"), "Bad Id");
        assertThat(text("prop-id").isInvalid()).isTrue();
        assertThat(text("prop-id").getErrorMessage()).contains("Bad Id");
        assertThat(button("designer-publish").isEnabled()).isFalse();

        _setValue(text("prop-id"), "customer");
        assertThat(text("prop-id").isInvalid()).isTrue();
        assertThat(text("prop-id").getErrorMessage()).contains("customer");

        _setValue(text("prop-id"), "channel_note");
        assertThat(text("prop-id").isInvalid()).isFalse();
        _click(button("prop-option-remove-0"));
        assertThat(view.current().fields().get(index).options()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("prop-options-error")).getText()).isNotBlank();
        assertThat(button("designer-publish").isEnabled()).isFalse();
        _click(button("prop-options-add"));
        assertThat(problems()).isEmpty();
        assertThat(button("designer-publish").isEnabled()).isTrue();

        _click(button("prop-visible-when-mode")); // the Groovy editor (expert mode)
        TextArea visibleWhen = _get(TextArea.class, spec -> spec.withId("prop-visible-when"));
        _setValue(visibleWhen, "record.no_such_field == 1");
        assertThat(_get(Span.class, spec -> spec.withId("prop-visible-when-status")).getText()).contains("Line");
        assertThat(visibleWhen.isInvalid()).isTrue();
        assertThat(button("designer-publish").isEnabled()).isFalse();
        _setValue(visibleWhen, "record.quantity > 1");
        assertThat(_get(Span.class, spec -> spec.withId("prop-visible-when-status")).getText()).isEqualTo("Compiles");
        assertThat(visibleWhen.isInvalid()).isFalse();

        _setValue(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("prop-type")),
                FieldType.REFERENCE);
        @SuppressWarnings("unchecked")
        ComboBox<String> target = _get(ComboBox.class, spec -> spec.withId("prop-form"));
        _setValue(target, "no_such_form");
        assertThat(target.isInvalid()).isTrue();
        assertThat(target.getErrorMessage()).contains("no_such_form");
        assertThat(button("designer-publish").isEnabled()).isFalse();
        _setValue(target, "customer");
        assertThat(target.isInvalid()).isFalse();
        assertThat(button("designer-publish").isEnabled()).isTrue();
    }

    @Test
    void aSavedDraftIsResumedByAnotherAdministrator() {
        FormDesignerView view = open("contact_person");
        _click(button("palette-email"));
        _setValue(text("prop-id"), "backup_email");
        _click(button("designer-save-draft"));
        assertThat(publisher.draftInfo("contact_person")).hasValueSatisfying(d -> {
            assertThat(d.savedBy()).isEqualTo("admin");
            assertThat(d.definition().field("backup_email")).isPresent();
        });
        assertThat(view.current().field("backup_email")).isPresent();
        KaribuSession.signOut();

        KaribuSession.signIn(context, accounts, DesignerFixture.SECOND_ADMIN);
        FormDesignerView resumed = open("contact_person");
        assertThat(resumed.current().field("backup_email")).isPresent();
        // who saved it by the account's name, not its username
        assertThat(_get(Span.class, spec -> spec.withId("designer-status")).getText())
                .contains(accounts.findByUsername("admin").orElseThrow().displayName());
        assertThat(catalog.published("contact_person").orElseThrow().field("backup_email")).isEmpty();
    }

    @Test
    void publishingShowsTheMigrationFirstAndRecordsWhoPublished() {
        FormDesignerView view = open("customer");
        _click(button("palette-text"));
        _setValue(text("prop-id"), "karibu_note");
        _setValue(text("prop-label-en"), "Karibu note");
        int before = publisher.versions("customer").size();

        _click(button("designer-publish"));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("publish-summary")).getElement()
                .getTextRecursively()).isEqualTo("New field: Karibu note");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("publish-adds")).getElement().getTextRecursively())
                .contains("karibu_note").contains("frm_customer.karibu_note");
        _setValue(text("publish-note"), "note field");
        _click(button("publish-confirm"));

        assertThat(catalog.published("customer").orElseThrow().field("karibu_note")).isPresent();
        List<FormVersion> versions = publisher.versions("customer");
        assertThat(versions).hasSize(before + 1);
        assertThat(versions.getLast().publishedBy()).isEqualTo("admin");
        assertThat(versions.getLast().note()).isEqualTo("note field");
        assertThat(DefinitionDiff.between(publisher.version("customer", versions.getLast().number() - 1)
                .orElseThrow(), view.current(), context.getBean(io.kehu.platform.forms.DefinitionWriter.class)))
                .anySatisfy(l -> {
                    assertThat(l.kind()).isEqualTo(DefinitionDiff.Kind.FIELD_ADDED);
                    assertThat(l.subject()).isEqualTo("karibu_note");
                });
        assertThat(button("designer-save-draft").isEnabled()).isFalse();
    }

    @Test
    void thePreviewRendersTheDesignedFormAsTheChosenRoleAndLanguage() {
        open("interaction");
        _click(button("palette-text"));
        _setValue(text("prop-id"), "manager_memo");
        _setValue(text("prop-label-zh"), "经理备注");
        _setValue(text("prop-label-en"), "Manager memo");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> read = _get(CheckboxGroup.class, spec -> spec.withId("prop-read-roles"));
        _setValue(read, Set.of(Role.MANAGER));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> write = _get(CheckboxGroup.class, spec -> spec.withId("prop-write-roles"));
        _setValue(write, Set.of(Role.MANAGER)); // writing implies reading: an open write would open reading too
        showTab("designer-tab-preview");

        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withId("preview-role"));
        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("preview-language"));
        _setValue(role, Role.STAFF);
        assertThat(_find(TextField.class, spec -> spec.withId("field-manager_memo"))).isEmpty();
        assertThat(_get(TextArea.class, spec -> spec.withId("field-summary")).getLabel()).isEqualTo("Summary");
        _setValue(role, Role.MANAGER);
        assertThat(_get(TextField.class, spec -> spec.withId("field-manager_memo")).getLabel())
                .isEqualTo("Manager memo");
        _setValue(language, Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(TextField.class, spec -> spec.withId("field-manager_memo")).getLabel()).isEqualTo("经理备注");
        assertThat(catalog.published("interaction").orElseThrow().field("manager_memo")).isEmpty();
    }

    @Test
    void onlyAdministratorsGetIn() {
        KaribuSession.signOut();
        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().navigate("admin/forms/customer");
        assertThat(_find(io.kehu.platform.ui.PageForbiddenView.class)).hasSize(1);
        DesignerServices services = context.getBean(DesignerServices.class);
        assertThatThrownBy(() -> services.saveDraft(catalog.published("customer").orElseThrow()))
                .isInstanceOf(io.kehu.platform.security.AccessRefusedException.class);
    }

    private static FormDesignerView open(String form) {
        UI.getCurrent().navigate("admin/forms/" + form);
        return _get(FormDesignerView.class);
    }

    private static String problems() {
        return _get(Div.class, spec -> spec.withId("designer-problems")).getElement().getTextRecursively();
    }

    private static void showTab(String id) {
        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withId(id)));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
