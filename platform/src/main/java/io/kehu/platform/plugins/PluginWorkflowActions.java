package io.kehu.platform.plugins;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.plugins.sdk.SdkValues;
import io.kehu.platform.workflow.PluginActionRunner;
import io.kehu.platform.workflow.WorkflowAction;
import io.kehu.sdk.workflows.WorkflowActionCall;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code plugin} actions of workflows and automations through the started plugins'
 * {@link WorkflowActionHandler}s, in the caller's transaction. An action whose plugin is not running (disabled,
 * removed, failed) or has no handler of that name is skipped with a warning: the company's process must not stop
 * because a plugin is off. A handler that throws refuses the move with its text and is reported on its plugin.
 */
@Component
class PluginWorkflowActions implements PluginActionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PluginWorkflowActions.class);

    private final PluginRegistry registry;

    PluginWorkflowActions(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LocalizedText run(WorkflowAction.PluginAction action, String source, String step, String formId,
            long recordId, Map<String, ?> values, String actor) {
        var handler = registry.contributions(WorkflowActionHandler.class).stream()
                .filter(c -> c.plugin().pluginId().equals(action.plugin()))
                .filter(c -> action.action().equals(name(c.extension())))
                .findFirst();
        if (handler.isEmpty()) {
            LOG.warn("{} / {} on {}/{}: plugin action {} / {} skipped: the plugin is not running or has no such "
                    + "action", source, step, formId, recordId, action.plugin(), action.action());
            return null;
        }
        WorkflowActionCall call = new WorkflowActionCall(source, step, formId, recordId, SdkValues.toSdk(values),
                actor, action.params());
        try {
            handler.get().extension().run(call);
            return null;
        } catch (WorkflowRefusedException e) {
            return SdkValues.text(e.text());
        } catch (RuntimeException | LinkageError e) {
            registry.reportError(action.plugin(), handler.get().extension().getClass().getName(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return LocalizedText.of(message, message);
        }
    }

    private static String name(WorkflowActionHandler handler) {
        try {
            return handler.name();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
