package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Keeps the daily totals ({@link Rollups}) true: a response created, changed, deleted or restored drops the totals
 * of the day it was answered on (before and after the write), inside the write's own transaction, so no reader ever
 * adds a stale total to a live figure. The day is read live until the nightly job totals it again.
 */
@Extension
public class RollupInvalidation implements RecordListener {

    private final PluginContext context;

    public RollupInvalidation(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return SurveyForms.RESPONSE.equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        forget(change);
        return Optional.empty();
    }

    @Override
    public Optional<Veto> beforeDelete(RecordChange change) {
        forget(change);
        return Optional.empty();
    }

    private void forget(RecordChange change) {
        Set<OffsetDateTime> days = new LinkedHashSet<>();
        for (Map<String, Object> values : java.util.Arrays.asList(change.values(), change.oldValues())) {
            if (values != null && values.get("answered_at") != null) {
                days.add(Rollups.time(values.get("answered_at")));
            }
        }
        ZoneId zone = ZoneId.systemDefault();
        days.forEach(at -> Rollups.forget(context.records(), zone, at));
    }
}
