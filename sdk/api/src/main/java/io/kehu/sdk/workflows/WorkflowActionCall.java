package io.kehu.sdk.workflows;

import java.util.Map;

/**
 * One run of a plugin's workflow action ({@link WorkflowActionHandler}).
 *
 * @param source what runs it: {@code workflow:<id>} or {@code automation:<id>}
 * @param step the transition's id, or the automation's id
 * @param formId the form of the record acted on, e.g. {@code feedback}
 * @param recordId the record's id
 * @param values the record's values after the move (simple Java types, as {@code records()} gives them; a
 *     {@code user} field holds the user's id)
 * @param actor the user name of who took the transition, or null when the platform acts (a timer, an automation)
 * @param params the action's {@code params} from the definition, as written
 */
public record WorkflowActionCall(String source, String step, String formId, long recordId, Map<String, Object> values,
                                 String actor, Map<String, String> params) {

    public WorkflowActionCall {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        params = Map.copyOf(params);
    }

    /** The parameter {@code name}, or {@code fallback} when the definition leaves it out or blank. */
    public String param(String name, String fallback) {
        String value = params.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
