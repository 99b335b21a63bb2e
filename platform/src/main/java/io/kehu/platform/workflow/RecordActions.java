package io.kehu.platform.workflow;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.TransitionRefusedException.Reason;
import io.kehu.platform.workflow.runtime.WorkflowTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the actions that write another record — {@code createRecord} and {@code startWorkflow} — for transitions and
 * automations alike. The expressions run as the acting person ({@code user.id} is who acted); the record is written
 * through {@link Records} by the workflow on that person's behalf (audited as {@code workflow:<id> for <user>}), since
 * the admin who wrote the definition decided it: a colleague revisiting a complaint archives the revisit on a
 * customer they do not own. The target form's rules, checks and audit apply, in the caller's transaction: if the
 * record cannot be written, the whole move is refused with what was wrong, in the person's words, and nothing is kept.
 */
@Component
class RecordActions {

    private final WorkflowCatalog catalog;
    private final FormCatalog forms;
    private final Records records;
    private final RuleEngine rules;
    private final ObjectProvider<PluginActionRunner> pluginActions;

    RecordActions(WorkflowCatalog catalog, FormCatalog forms, Records records, RuleEngine rules,
            ObjectProvider<PluginActionRunner> pluginActions) {
        this.catalog = catalog;
        this.forms = forms;
        this.records = records;
        this.rules = rules;
        this.pluginActions = pluginActions;
    }

    /**
     * Runs {@code action} if it writes a record or is a plugin's; false for the other kinds, which the caller runs.
     *
     * @param form the form of {@code source}
     * @param source the record the transition or automation acts on, as written by it
     * @param label what the person did, for a refusal (the transition's or automation's label)
     * @param origin who writes on the actor's behalf, e.g. {@code workflow:complaint_handling}
     * @param name names the expressions in the log, e.g. {@code complaint_handling / revisit_ok}
     * @throws TransitionRefusedException when the record cannot be written, naming the form and the problem
     */
    boolean run(WorkflowAction action, FormDefinition form, Record source, Actor actor, LocalizedText label,
            String origin, String name) {
        Actor writer = actor.isSystem() ? actor : Actor.system(origin + " for " + actor.username());
        return switch (action) {
            case WorkflowAction.CreateRecord create -> {
                FormDefinition target = forms.published(create.form()).orElseThrow(
                        () -> refused("refused.TARGET_FORM_GONE", label, LocalizedText.of(create.form(),
                                create.form())));
                write(target, values(create.values(), form, source, actor, name), writer, label);
                yield true;
            }
            case WorkflowAction.StartWorkflow start -> {
                WorkflowDefinition started = catalog.all().stream().filter(w -> w.id().equals(start.workflow()))
                        .findFirst().orElseThrow(() -> refused("refused.WORKFLOW_NOT_IN_FORCE", label,
                                LocalizedText.of(start.workflow(), start.workflow())));
                FormDefinition target = forms.published(started.form()).orElseThrow();
                Map<String, Object> values = values(start.values(), form, source, actor, name);
                // A record enters a workflow in its initial state; the status guard lets nothing else in.
                values.put(started.statusField(), started.initialState().id());
                write(target, values, writer, label);
                yield true;
            }
            case WorkflowAction.PluginAction plugin -> {
                runPlugin(plugin, source, actor, label, origin, name);
                yield true;
            }
            default -> false;
        };
    }

    private void runPlugin(WorkflowAction.PluginAction plugin, Record source, Actor actor, LocalizedText label,
            String origin, String name) {
        PluginActionRunner runner = pluginActions.getIfAvailable();
        if (runner == null) {
            return; // no plugin host (a slice of the platform): as if the plugin were not running
        }
        String step = name.contains(" / ") ? name.substring(name.lastIndexOf(" / ") + 3)
                : name.substring(name.lastIndexOf(' ') + 1);
        LocalizedText failure = runner.run(plugin, origin, step, source.formId(), source.id(),
                source.values().asMap(), actor.isSystem() ? null : actor.username());
        if (failure != null) {
            throw refused("refused.PLUGIN_ACTION_FAILED", label,
                    LocalizedText.of(plugin.plugin() + " / " + plugin.action(), plugin.plugin() + " / "
                            + plugin.action()), failure);
        }
    }

    private Map<String, Object> values(Map<String, String> expressions, FormDefinition form, Record source,
            Actor actor, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> sourceValues = new LinkedHashMap<>(source.values().asMap());
        expressions.forEach((field, expression) -> values.put(field, rules.value(form, expression, sourceValues,
                Optional.of(source), actor, name + " / " + field)));
        return values;
    }

    private void write(FormDefinition target, Map<String, Object> values, Actor actor, LocalizedText label) {
        LocalizedText formLabel = target.label() == null || target.label().isEmpty()
                ? LocalizedText.of(target.id(), target.id()) : target.label();
        try {
            records.create(actor, target.id(), values);
        } catch (RecordValidationException e) {
            throw refused("refused.RECORD_NOT_WRITTEN", label, formLabel, first(e.errors()));
        } catch (RecordRefusedException e) {
            throw refused("refused.RECORD_NOT_WRITTEN", label, formLabel, e.text());
        } catch (RecordAccessDeniedException e) {
            throw refused("refused.RECORD_NOT_WRITTEN", label, formLabel, e.text());
        }
    }

    private static LocalizedText first(List<FieldError> errors) {
        return errors.isEmpty() ? LocalizedText.of("", "") : errors.getFirst().message();
    }

    private static TransitionRefusedException refused(String key, LocalizedText... args) {
        return new TransitionRefusedException(Reason.ACTION_FAILED, null, WorkflowTexts.text(key, args));
    }
}
