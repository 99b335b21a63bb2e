package io.kehu.platform.designer.workflow;

import io.kehu.platform.designer.ConditionFields;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.NotifyChannels;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workflow editor's forms choose from: the fields of the form the workflow is bound to (by label), the
 * published forms a {@code createRecord} may write to, the workflows a {@code startWorkflow} may start, and the
 * condition editor.
 *
 * @param form the workflow's form (published)
 * @param statusField the field holding the state (never set by an action, never required)
 * @param forms every published form
 * @param workflows the stored workflows by id, in their published (else draft) version
 * @param conditions the designer's condition editor (visual builder with Groovy for experts)
 * @param channels the webhook channels a {@code notify} may name (empty without the webhooks feature)
 */
public record WorkflowEditing(FormDefinition form, String statusField, List<FormDefinition> forms,
        Map<String, WorkflowChoice> workflows, ConditionFields conditions, List<NotifyChannels.Channel> channels) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A workflow offered by {@code startWorkflow}: its name and the form its records are created in. */
    public record WorkflowChoice(String id, LocalizedText label, String form) {
    }

    /** The choices for the definition {@code doc}; empty when its form is not published (nothing to choose from). */
    public static java.util.Optional<WorkflowEditing> of(JsonNode doc, FormCatalog catalog,
                                                         WorkflowVersions versions, ConditionFields conditions,
                                                         List<NotifyChannels.Channel> channels) {
        return catalog.published(doc.path("form").asString("")).map(form -> {
            Map<String, WorkflowChoice> workflows = new LinkedHashMap<>();
            for (String id : versions.workflowIds()) {
                versions.published(id).or(() -> versions.draft(id)).map(WorkflowVersion::json)
                        .map(WorkflowEditing::read).ifPresent(w -> workflows.put(id, new WorkflowChoice(id,
                                LocalizedText.of(w.path("label").path("zh").asString(id),
                                        w.path("label").path("en").asString(id)), w.path("form").asString(""))));
            }
            return new WorkflowEditing(form, doc.path("statusField").asString(""), catalog.allPublished(),
                    workflows, conditions, List.copyOf(channels));
        });
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    /** The form's user fields (who may act, who is told). */
    List<FieldDefinition> userFields() {
        return form.fields().stream().filter(f -> f.type() == FieldType.USER).toList();
    }

    /** Fields people fill in: everything but the status, computed fields and sub-tables. */
    List<FieldDefinition> valueFields() {
        return valueFields(form).stream().filter(f -> !f.id().equals(statusField)).toList();
    }

    static List<FieldDefinition> valueFields(FormDefinition target) {
        List<FieldDefinition> out = new ArrayList<>();
        for (FieldDefinition f : target.fields()) {
            if (f.type() != FieldType.COMPUTED && f.type() != FieldType.SUBTABLE) {
                out.add(f);
            }
        }
        return out;
    }

    FormDefinition publishedForm(String id) {
        return forms.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    static String label(LocalizedText text, String fallback, Locale locale) {
        String shown = text == null ? null : text.in(locale);
        return shown == null || shown.isBlank() ? fallback : shown;
    }

    static String label(JsonNode text, String fallback, Locale locale) {
        String shown = text.path("zh".equals(locale.getLanguage()) ? "zh" : "en").asString("");
        return shown.isBlank() ? fallback : shown;
    }
}
