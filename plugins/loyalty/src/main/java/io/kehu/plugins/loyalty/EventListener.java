package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import org.pf4j.Extension;

/**
 * Earning on record events other than purchases, as the admin configured them ({@link Programme.EventRule}): e.g. a
 * survey response whose status becomes completed, a referral record. Runs after the record's commit; each rule pays
 * a record once (keyed {@code event/<form>/<id>|<rule>}), however often it is saved afterwards.
 */
@Extension
public class EventListener implements RecordListener {

    private final PluginContext context;

    public EventListener(PluginContext context) {
        this.context = context;
    }

    /** Only the forms an event rule names: every other form's saves do not call this listener at all. */
    @Override
    public boolean handles(String formId) {
        if (formId.startsWith("loyalty_") && !Awards.REFERRAL.equals(formId)) {
            return false; // the ledger's own forms never earn
        }
        return new Awards(context, new Ledger(context)).programme().eventRules().stream()
                .anyMatch(r -> r.form().equals(formId));
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() == RecordAction.DELETE) {
            return;
        }
        Awards awards = new Awards(context, new Ledger(context));
        awards.awardEvent(awards.programme(), event.formId(), event.id());
    }
}
