package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import org.pf4j.Extension;

/**
 * Awards points when a purchase is saved (after its commit, so a purchase that rolls back earns nothing). A purchase
 * saved again, imported again or delivered twice earns nothing more: the postings are keyed by purchase and rule.
 */
@Extension
public class PurchaseListener implements RecordListener {

    private final PluginContext context;

    public PurchaseListener(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return Awards.PURCHASE.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() == RecordAction.CREATE || event.action() == RecordAction.RESTORE) {
            new Awards(context, new Ledger(context)).award(event.id());
        }
    }
}
