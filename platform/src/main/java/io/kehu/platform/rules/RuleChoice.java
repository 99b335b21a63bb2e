package io.kehu.platform.rules;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One script of a form offered by the rule console: a validation rule, a field's visible/required condition or a
 * computed field's expression.
 *
 * @param labelKey message key describing the kind ({@code rules.console.kind.*})
 * @param subject what it belongs to: the rule's number or the field id
 * @param script the Groovy source
 */
record RuleChoice(String labelKey, String subject, String script) {

    static List<RuleChoice> of(FormDefinition form) {
        List<RuleChoice> choices = new ArrayList<>();
        for (int i = 0; i < form.rules().size(); i++) {
            FormRule rule = form.rules().get(i);
            if (rule.script() != null) {
                choices.add(new RuleChoice("rules.console.kind.validate", "#" + (i + 1), rule.script()));
            }
        }
        for (FieldDefinition f : form.fields()) {
            if (f.visibleWhen() != null) {
                choices.add(new RuleChoice("rules.console.kind.visible", f.id(), f.visibleWhen()));
            }
            if (f.requiredWhen() != null) {
                choices.add(new RuleChoice("rules.console.kind.required", f.id(), f.requiredWhen()));
            }
            if (f.type() == FieldType.COMPUTED && f.expression() != null) {
                choices.add(new RuleChoice("rules.console.kind.computed", f.id(), f.expression()));
            }
        }
        return choices;
    }
}
