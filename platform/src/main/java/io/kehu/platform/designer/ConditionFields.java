package io.kehu.platform.designer;

import io.kehu.platform.forms.FormDefinition;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The designer's condition editor for other features' screens (e.g. a webhook endpoint's rule filter): the visual
 * builder (field, operator, value joined by 且/或) for admins, the Groovy editor for experts, compiled as it is typed
 * with the same sandboxed compiler that runs the rule, and a button to try it on a record or sample values.
 */
@Component
public class ConditionFields {

    private final DesignerServices services;

    ConditionFields(DesignerServices services) {
        this.services = services;
    }

    /**
     * A condition of {@code form}; {@code changed} gets the Groovy rule after every edit ("" for no condition).
     *
     * @param id the component's id; its parts' ids start with it
     */
    public ScriptField condition(String id, String label, Supplier<FormDefinition> form, Consumer<String> changed) {
        return new ScriptField(id, label, services, form, changed, "");
    }
}
