package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import org.pf4j.Extension;

/**
 * Takes points back when a {@code return_request} (the platform's returns form, moved on by the
 * {@code return_handling} workflow) is completed: after its commit, so a move that rolls back takes nothing, and at
 * most once per request and earning entry ({@link Awards#returnRequest}).
 */
@Extension
public class ReturnListener implements RecordListener {

    private final PluginContext context;

    public ReturnListener(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return Awards.RETURN.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() == RecordAction.DELETE) {
            return;
        }
        new Awards(context, new Ledger(context)).returnRequest(event.id());
    }
}
