package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.Measure;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads every customer's churn features in a handful of queries whatever the number of customers: one stream of the
 * customers (id, owner, the picked fields, the label field) and two totals computed by the database
 * ({@code GROUP BY customer}): the purchases up to the day with their windows as filtered measures in the same pass
 * (count, sum, first, last of all; count and spend of the last 90 days; the spend of the year before them), and the
 * complaints of the last 90 days.
 *
 * <p>The trend against the customer's own history: the usual interval is the span from the first to the last
 * purchase divided by the gaps between purchases; {@code overdue_ratio} is the days since the last purchase over it
 * ("no purchase for 120 days, usually every 30" = 4.0); {@code spend_trend} is the spend of the last 90 days over
 * the customer's average 90 days in the year before (1 = as usual, 0.2 = a fifth of usual; unknown without that
 * history).
 */
final class FeatureExtractor {

    static final String CUSTOMER = "customer";
    static final String PURCHASE = "purchase";
    static final String FEEDBACK = "feedback";
    static final String OWNER = "account_manager";
    static final String TIER = "level";
    static final String REGION = "region";
    static final int RECENT_DAYS = 90;
    static final int HISTORY_DAYS = 365;

    private final PluginContext context;
    private final PluginRecords records;

    FeatureExtractor(PluginContext context) {
        this.context = context;
        this.records = context.records();
    }

    /**
     * The features as of {@code asOf} for every customer: only purchases and complaints up to that day count, so
     * the same code gives today's features for scoring and a past cut-off's for training ({@link TrainingSnapshot}).
     *
     * @param fieldIds the customer fields the admin picked (unknown ones are left out)
     * @param label {@code field=value} marking a customer who left (e.g. {@code lifecycle_stage=lost}), or null
     */
    FeatureTable extract(LocalDate asOf, List<String> fieldIds, String label, Progress progress,
                         BooleanSupplier cancelled) {
        FeatureTable table = customers(fieldIds, label, progress, cancelled);
        measure(table, asOf, Scope.ALL, progress, cancelled);
        progress.report(table.size, table.size, "features");
        return table;
    }

    /** Every customer with the picked fields, owner, tier, region and label; no measures yet (all unknown). */
    FeatureTable customers(List<String> fieldIds, String label, Progress progress, BooleanSupplier cancelled) {
        Set<String> known = new LinkedHashSet<>();
        context.definitions().form(CUSTOMER).ifPresent(f -> f.fields().forEach(fi -> known.add(fi.id())));
        List<String> picked = fieldIds.stream().filter(known::contains).distinct().toList();
        String labelField = label == null ? null : label.substring(0, Math.max(0, label.indexOf('=')));
        String labelValue = label == null ? null : label.substring(label.indexOf('=') + 1);
        List<String> read = new ArrayList<>(picked);
        for (String always : List.of(OWNER, TIER, REGION)) {
            if (known.contains(always) && !read.contains(always)) {
                read.add(always);
            }
        }
        if (labelField != null && known.contains(labelField)) {
            read.add(labelField);
        }
        long total = records.aggregate(CUSTOMER).count().list().get(0).count();
        progress.report(0, total, "customers");
        FeatureTable table = new FeatureTable(picked, (int) Math.min(Integer.MAX_VALUE - 8, total + 16));
        boolean labelled = labelField != null && known.contains(labelField);
        records.search(CUSTOMER).fields(read.isEmpty() ? new String[] {"name"} : read.toArray(String[]::new))
                .forEach(c -> {
                    Object owner = c.get(OWNER);
                    int row = table.add(c.id(), owner instanceof Number n ? n.longValue() : null, c.values());
                    table.tiers[row] = c.get(TIER) == null ? null : c.get(TIER).toString();
                    table.regions[row] = c.get(REGION) == null ? null : c.get(REGION).toString();
                    if (labelled) {
                        Object v = c.get(labelField);
                        table.label(row, v != null && Encoder.text(v).equals(labelValue));
                    }
                    if (table.size % 10_000 == 0) {
                        stopIf(cancelled);
                        progress.report(table.size / 2, total, "customers");
                    }
                });
        stopIf(cancelled);
        if (labelled && table.labels == null) {
            table.labels = new byte[Math.max(16, table.size)];
        }
        return table;
    }

    /**
     * Computes the measures as of {@code asOf} for the customers of {@code scope} (all, or a few rows whose earlier
     * measures are cleared first): one pass over the purchases for all windows at once ({@link Measure} with filters:
     * up to the day, the last 90 days, the year before them), one over the complaints, then the other plugins'.
     */
    void measure(FeatureTable table, LocalDate asOf, Scope scope, Progress progress, BooleanSupplier cancelled) {
        int n = table.size;
        scope.rows(n).forEach(i -> {
            for (double[] column : table.base) {
                column[i] = Double.NaN;
            }
        });
        progress.report(n / 2, n, "purchases");
        LocalDate recentFrom = asOf.minusDays(RECENT_DAYS - 1L);
        scope.apply(records.aggregate(PURCHASE)).where("purchased_on", FilterOperator.LESS_OR_EQUAL, asOf)
                .groupBy(CUSTOMER).count().sum("amount").min("purchased_on").max("purchased_on")
                .measure(Measure.count("recent").where("purchased_on", FilterOperator.GREATER_OR_EQUAL, recentFrom))
                .measure(Measure.sum("recent_spend", "amount")
                        .where("purchased_on", FilterOperator.GREATER_OR_EQUAL, recentFrom))
                .measure(Measure.sum("spend_before", "amount").where("purchased_on", FilterOperator.BETWEEN,
                        recentFrom.minusDays(HISTORY_DAYS), recentFrom.minusDays(1)))
                .forEach(row -> {
                    int i = row(table, row.group(CUSTOMER));
                    if (i < 0) {
                        return;
                    }
                    long count = row.count();
                    LocalDate from = (LocalDate) row.min("purchased_on");
                    LocalDate to = (LocalDate) row.max("purchased_on");
                    long recency = ChronoUnit.DAYS.between(to, asOf);
                    long tenure = ChronoUnit.DAYS.between(from, asOf);
                    table.set(i, "purchase_count", count);
                    table.set(i, "total_spend", amount(row.sum("amount")));
                    table.set(i, "recency_days", recency);
                    table.set(i, "tenure_days", tenure);
                    table.set(i, "purchases_90d", row.count("recent"));
                    if (count >= 2) {
                        double usual = Math.max(1, ChronoUnit.DAYS.between(from, to) / (double) (count - 1));
                        table.set(i, "usual_interval_days", Math.round(usual));
                        table.set(i, "overdue_ratio", recency / usual);
                    }
                    double before = amount((BigDecimal) row.measure("spend_before"));
                    if (before > 0) {
                        double usualQuarter = before * RECENT_DAYS / HISTORY_DAYS;
                        table.set(i, "spend_trend", amount((BigDecimal) row.measure("recent_spend")) / usualQuarter);
                    }
                });
        stopIf(cancelled);
        progress.report(n * 7L / 8, n, "complaints");
        int complaints = FeatureTable.BASE.indexOf("complaints_90d");
        scope.rows(n).forEach(i -> table.base[complaints][i] = 0);
        if (context.definitions().form(FEEDBACK).isPresent()) {
            scope.apply(records.aggregate(FEEDBACK)).where("feedback_type", FilterOperator.EQUALS, "complaint")
                    .where("received_at", FilterOperator.GREATER_OR_EQUAL,
                            recentFrom.atTime(LocalTime.MIDNIGHT).atZone(ZoneId.systemDefault()).toOffsetDateTime())
                    // nothing after the day: a training cut-off in the past must not see later complaints
                    .where("received_at", FilterOperator.LESS,
                            asOf.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(ZoneId.systemDefault()).toOffsetDateTime())
                    .groupBy(CUSTOMER).count()
                    .forEach(row -> {
                        int i = row(table, row.group(CUSTOMER));
                        if (i >= 0) {
                            table.set(i, "complaints_90d", row.count());
                        }
                    });
        }
        stopIf(cancelled);
        new PluginSignals(context).fill(table, asOf, scope);
    }

    /**
     * Which customers a {@link #measure} pass is for: everyone (no filter), or a few rows of the table (at most
     * {@link #CHUNK}), whose ids go into every query as {@code customer IN (...)} — the purchase form's customer
     * index makes that a handful of index look-ups, so a training run can compute some customers' features as of
     * their own day.
     */
    record Scope(int[] rows, Object[] ids) {

        static final Scope ALL = new Scope(null, null);

        static Scope of(FeatureTable table, int[] rows) {
            if (rows.length > CHUNK) {
                throw new IllegalArgumentException("At most " + CHUNK + " customers at a time");
            }
            Object[] ids = new Object[rows.length];
            for (int k = 0; k < rows.length; k++) {
                ids[k] = table.ids[rows[k]];
            }
            return new Scope(rows.clone(), ids);
        }

        java.util.stream.IntStream rows(int size) {
            return rows == null ? java.util.stream.IntStream.range(0, size) : java.util.Arrays.stream(rows);
        }

        RecordAggregate apply(RecordAggregate query) {
            return ids == null ? query : query.where(CUSTOMER, FilterOperator.IN, ids);
        }
    }

    static final int CHUNK = 1000;

    private static int row(FeatureTable table, Object id) {
        return id instanceof Number n ? table.indexOf(n.longValue()) : -1;
    }

    private static double amount(BigDecimal sum) {
        return sum == null ? 0 : sum.doubleValue();
    }

    static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** A run stopped because its job was cancelled (the plugin stops); nothing was written. */
    static final class CancellationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancellationException() {
            super("cancelled");
        }
    }
}
