package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The examples a model learns from, without looking into the future: every customer's features as of a cut-off in
 * the past — {@code today − horizon} for those who stay, the day they left {@code − horizon} for those who left (from
 * their churn case; {@code today − horizon} when no case says when) — labelled with what is known today. A model trained on today's
 * features of customers who already left learns that "no purchase for a year" means "left" — true, but useless for
 * warning anyone, and it flatters the holdout AUC; as of the cut-off the same customers were still buying, and the
 * model has to find what was visible <em>before</em> they went.
 *
 * <p>Left out of training: customers with no purchase up to their cut-off (not yet customers then: nothing to learn
 * from) and customers who stay now but were lost before the cut-off (their churn case says so). The label field
 * itself is never an input, and picked customer fields are today's values (the store keeps no history of them).
 */
final class TrainingSnapshot {

    private TrainingSnapshot() {
    }

    /** The cut-off for training on {@code today} with the given horizon in days. */
    static LocalDate cutoff(LocalDate today, int horizonDays) {
        return today.minusDays(Math.max(0, horizonDays));
    }

    /**
     * The training examples: features as of {@code cutoff} for everyone, then, for each customer who has left and
     * whose churn case says when ({@code lost_on}), as of that day minus {@code horizonDays} instead — the same
     * distance before leaving for every leaver, whenever they left, so a customer who left a year ago is not
     * described by the months after they had already stopped buying. The leavers are grouped by their own cut-off,
     * a query per group of at most {@link FeatureExtractor#CHUNK} customers ({@code customer IN (...)}).
     */
    static FeatureTable build(PluginContext context, LocalDate cutoff, int horizonDays, List<String> fields,
                              String label, Progress progress, BooleanSupplier cancelled) {
        String labelField = label == null ? null : label.substring(0, Math.max(0, label.indexOf('=')));
        List<String> inputs = fields.stream().filter(f -> !f.equals(labelField)).toList();
        FeatureExtractor extractor = new FeatureExtractor(context);
        FeatureTable table = extractor.customers(inputs, label, progress, cancelled);
        extractor.measure(table, cutoff, FeatureExtractor.Scope.ALL, progress, cancelled);
        Map<Long, LocalDate[]> lostOn = lostDates(context);
        TreeMap<LocalDate, List<Integer>> ownCutoffs = new TreeMap<>();
        for (int i = 0; table.labels != null && i < table.size; i++) {
            LocalDate[] lost = lostOn.get(table.ids[i]);
            if (table.labels[i] == 1 && lost != null) {
                // the latest loss is the one the label speaks of (a customer may have left, come back, left again)
                LocalDate own = lost[1].minusDays(Math.max(0, horizonDays));
                if (own.isBefore(cutoff)) {
                    ownCutoffs.computeIfAbsent(own, d -> new ArrayList<>()).add(i);
                }
            }
        }
        long groups = ownCutoffs.values().stream().mapToLong(rows -> (rows.size() + FeatureExtractor.CHUNK - 1)
                / FeatureExtractor.CHUNK).sum();
        long done = 0;
        for (Map.Entry<LocalDate, List<Integer>> own : ownCutoffs.entrySet()) {
            List<Integer> rows = own.getValue();
            for (int from = 0; from < rows.size(); from += FeatureExtractor.CHUNK) {
                int[] chunk = rows.subList(from, Math.min(rows.size(), from + FeatureExtractor.CHUNK)).stream()
                        .mapToInt(Integer::intValue).toArray();
                extractor.measure(table, own.getKey(), FeatureExtractor.Scope.of(table, chunk), Progress.NONE,
                        cancelled);
                progress.report(++done, groups, "leavers");
            }
        }
        for (int i = 0; i < table.size; i++) {
            LocalDate[] lost = lostOn.get(table.ids[i]);
            boolean leaver = table.labels != null && table.labels[i] == 1;
            // no purchase by the (own) cut-off: not a customer then, nothing to learn from; someone who stays now
            // but was lost before the cut-off (won back since) was not a customer at the cut-off either
            if (Double.isNaN(table.get(i, "purchase_count")) || !leaver && lost != null && lost[0].isBefore(cutoff)) {
                table.exclude(i);
            }
        }
        progress.report(table.size, table.size, "features");
        return table;
    }

    /** When each customer was first and last recorded lost, from the churn cases (one grouped query). */
    private static Map<Long, LocalDate[]> lostDates(PluginContext context) {
        Map<Long, LocalDate[]> lost = new HashMap<>();
        if (context.definitions().form(ChurnForms.CASE).isEmpty()) {
            return lost;
        }
        context.records().aggregate(ChurnForms.CASE).groupBy("customer").min("lost_on").max("lost_on").forEach(row -> {
            if (row.group("customer") instanceof Number n && row.min("lost_on") instanceof LocalDate first
                    && row.max("lost_on") instanceof LocalDate last) {
                lost.put(n.longValue(), new LocalDate[] {first, last});
            }
        });
        return lost;
    }
}
