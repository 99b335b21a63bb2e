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
            // The exception's own text is for the administrator (the plugin's error on the Plugins page), not for
            // the person moving the record, who gets what happened and what to do in their language.
            return LocalizedText.of("插件“" + action.plugin() + "”的动作“" + action.action()
                            + "”出错，本次操作未保存。请联系管理员在插件页面查看错误。",
                    "The action " + action.action() + " of plugin " + action.plugin() + " failed, so nothing was "
                            + "saved. Ask an administrator to look at the plugin's error on the Plugins page.");
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
