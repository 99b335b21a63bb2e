package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The examples a model learns from, without looking into the future: every customer's features as of one cut-off in
 * the past ({@code today − horizon}), labelled with what is known today (left or stayed). A model trained on today's
 * features of customers who already left learns that "no purchase for a year" means "left" — true, but useless for
 * warning anyone, and it flatters the holdout AUC; as of the cut-off the same customers were still buying, and the
 * model has to find what was visible <em>before</em> they went.
 *
 * <p>Left out of training: customers with no purchase up to the cut-off (not yet customers then: nothing to learn
 * from) and customers already lost at the cut-off (their churn case says lost before it). The label field
 * itself is never an input, and picked customer fields are today's values (the store keeps no history of them).
 */
final class TrainingSnapshot {

    private TrainingSnapshot() {
    }

    /** The cut-off for training on {@code today} with the given horizon in days. */
    static LocalDate cutoff(LocalDate today, int horizonDays) {
        return today.minusDays(Math.max(0, horizonDays));
    }

    static FeatureTable build(PluginContext context, LocalDate cutoff, List<String> fields, String label,
                              Progress progress, BooleanSupplier cancelled) {
        String labelField = label == null ? null : label.substring(0, Math.max(0, label.indexOf('=')));
        List<String> inputs = fields.stream().filter(f -> !f.equals(labelField)).toList();
        FeatureTable table = new FeatureExtractor(context).extract(cutoff, inputs, label, progress, cancelled);
        Map<Long, LocalDate> lostOn = lostDates(context);
        for (int i = 0; i < table.size; i++) {
            LocalDate lost = lostOn.get(table.ids[i]);
            if (Double.isNaN(table.get(i, "purchase_count")) || lost != null && lost.isBefore(cutoff)) {
                table.exclude(i);
            }
        }
        return table;
    }

    /** When each customer was first recorded lost, from the churn cases (one grouped query). */
    private static Map<Long, LocalDate> lostDates(PluginContext context) {
        Map<Long, LocalDate> lost = new HashMap<>();
        if (context.definitions().form(ChurnForms.CASE).isEmpty()) {
            return lost;
        }
        context.records().aggregate(ChurnForms.CASE).groupBy("customer").min("lost_on").forEach(row -> {
            if (row.group("customer") instanceof Number n && row.min("lost_on") instanceof LocalDate d) {
                lost.put(n.longValue(), d);
            }
        });
        return lost;
    }
}
