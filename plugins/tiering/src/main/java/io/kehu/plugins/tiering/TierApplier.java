package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.BatchResult;
import io.kehu.sdk.records.BatchWrite;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.users.UserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Applies a dry run in ONE bulk write: for each customer whose level changes, the level field through the platform's
 * write path (validated, audited as {@code plugin:tiering for <admin>}, optimistic locking against the version the
 * dry run read) and a {@code tier_history} row. All or nothing: a refusal or a cancel leaves no trace. Customers
 * already at their level are skipped, so applying the same period again writes nothing.
 */
final class TierApplier {

    private final PluginContext context;

    TierApplier(PluginContext context) {
        this.context = context;
    }

    BatchResult apply(Preview preview, String username, Progress progress, BooleanSupplier cancelled) {
        long total = preview.changes() * 2L;
        progress.report(0, total, "apply");
        String appliedBy = username == null ? "plugin:" + context.pluginId() : username;
        BatchWrite batch = context.records().batch()
                .onProgress(written -> progress.report(written, total, "apply"))
                .cancelWhen(cancelled);
        if (username != null) {
            batch.onBehalfOf(username);
        }
        HistoryChoices choices = new HistoryChoices(context);
        // the generic list and record page show these two instead of applied_by's code: a label and a person's name
        String runKind = username == null ? "scheduled" : "manual";
        Long executor = username == null ? null
                : context.users().byUsername(username).map(UserInfo::id).orElse(null);
        try {
            BatchResult result = batch.run(b -> preview.forEachChange(r -> {
                    CustomerMetrics m = r.metrics();
                    b.update(TierEvaluator.CUSTOMER, m.customerId(), m.rowVersion(),
                            Map.of(preview.scheme().field(), r.newLevel()));
                    Map<String, Object> history = new LinkedHashMap<>();
                    history.put("customer", m.customerId());
                    history.put("period", preview.period().key());
                    history.put("scheme", preview.scheme().id());
                    history.put("old_level", m.currentLevel());
                    history.put("new_level", r.newLevel());
                    history.put("movement", r.movement().name());
                    history.put("metrics", m.snapshot(context.json()));
                    // what the generic list shows: labelled options and plain values instead of codes and JSON
                    choices.put(history, "tier_scheme", preview.scheme().id());
                    choices.put(history, "from_tier", m.currentLevel());
                    choices.put(history, "to_tier", r.newLevel());
                    history.put("total_spend", new MoneyValue(m.totalSpend(), "CNY"));
                    history.put("purchase_count", m.purchaseCount());
                    history.put("applied_by", appliedBy);
                    choices.put(history, "run_kind", runKind);
                    if (executor != null) {
                        history.put("executor", executor);
                    }
                    b.create(TieringForms.HISTORY, history);
            }));
            progress.report(total, total, "done");
            return result;
        } catch (RecordException e) {
            if (e.reason() == RecordException.Reason.CANCELLED) {
                throw new EvaluationCancelledException("Applying " + preview.period().key());
            }
            if (e.reason() == RecordException.Reason.CONFLICT) {
                throw new IllegalStateException("Customers changed since the dry run (" + e.getMessage()
                        + "); nothing was applied. Run the dry run again.", e);
            }
            throw e;
        }
    }
}
