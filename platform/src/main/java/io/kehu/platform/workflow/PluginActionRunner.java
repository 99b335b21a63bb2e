package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.Map;

/**
 * Runs a {@link WorkflowAction.PluginAction} through the plugin that provides it (implemented by the plugin host, so
 * the workflow runtime needs no plugin internals). Called inside the move's or automation's transaction.
 */
public interface PluginActionRunner {

    /**
     * Runs the action, or skips it with a warning when its plugin is not running or has no such action.
     *
     * @param source {@code workflow:<id>} or {@code automation:<id>}
     * @param step the transition's or the automation's id
     * @param values the record's values after the move
     * @param actor who acts, or null for the platform
     * @return why the action failed, in both languages, or null when it ran or was skipped
     */
    LocalizedText run(WorkflowAction.PluginAction action, String source, String step, String formId, long recordId,
            Map<String, ?> values, String actor);
}
