package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.records.Record;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The record view decides requiredWhen on the user's whole view of the record (not only the fields laid out), so a
 * staff user's browser and the server agree: the field the server will require is marked required before saving.
 */
class ConditionInputsViewTest extends ScreensTest {

    @Autowired
    DefinitionReader reader;

    @Test
    void aConditionOnAFieldNotLaidOutMarksTheFieldRequiredAsTheServerDoes() {
        String formId = "deal" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        publisher.publishAll(List.of(reader.read(formId + ".json", """
            {"id": "%s", "label": {"en": "Deal"}, "titleField": "name", "ownerField": "owner",
             "fields": [
               {"id": "name", "type": "text", "required": true},
               {"id": "owner", "type": "user"},
               {"id": "level", "type": "select", "options": ["KEY", "NORMAL"]},
               {"id": "cost", "type": "decimal", "permissions": {"read": ["manager", "admin"]}},
               {"id": "reason", "type": "text", "label": {"en": "Reason"}, "requiredWhen": "record.level == 'KEY'"}
             ],
             "layout": [{"columns": 2, "fields": ["name", "reason"]}]}
            """.formatted(formId))), "admin", null);
        Record key = records.create(manager, formId, Map.of("name", "Key deal", "owner", staff.userId(),
                "level", "KEY", "cost", "100", "reason", "strategic"));
        Record normal = records.create(manager, formId, Map.of("name", "Normal deal", "owner", staff.userId(),
                "level", "NORMAL", "cost", "100"));
        signIn("staff");

        UI.getCurrent().navigate("forms/" + formId + "/" + normal.id());
        assertThat(textField("field-reason").isRequiredIndicatorVisible()).isFalse();

        UI.getCurrent().navigate("forms/" + formId + "/" + key.id());
        assertThat(textField("field-reason").isRequiredIndicatorVisible()).isTrue();
        _setValue(textField("field-name"), "Key deal 2");
        _setValue(textField("field-reason"), "");
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(textField("field-reason").getErrorMessage()).isEqualTo("“Reason” is required");
        assertThat(records.get(staff, formId, key.id()).orElseThrow().get("name")).isEqualTo("Key deal");
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
