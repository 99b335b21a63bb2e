package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures from the other plugins' forms when those plugins are installed, read like any form's records through the
 * SDK (grouped totals per customer, as of the same day as the archive measures): satisfaction and NPS from the survey
 * plugin's {@code survey_response}, overdue visits from the service-visit plugin's {@code service_visit}, loyalty
 * activity from the loyalty plugin's {@code loyalty_entry}, tier drops from the tiering plugin's {@code tier_history}.
 * A plugin that is not installed leaves its measures unknown for everyone, so the model cannot use them and rules on
 * them never hold; the model page says which sources were there.
 */
final class PluginSignals {

    /** A source plugin's form and the measures it gives. */
    record Source(String form, String messageKey, List<String> measures) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("survey_response", "source.survey", List.of("satisfaction", "satisfaction_drop", "nps")),
            new Source("service_visit", "source.visits", List.of("overdue_visits")),
            new Source("loyalty_entry", "source.loyalty", List.of("loyalty_activity_90d")),
            new Source("tier_history", "source.tiering", List.of("tier_drops_365d")));

    private final PluginContext context;
    private final PluginRecords records;
    private FeatureExtractor.Scope scope = FeatureExtractor.Scope.ALL;

    PluginSignals(PluginContext context) {
        this.context = context;
        this.records = context.records();
    }

    boolean installed(Source source) {
        return context.definitions().form(source.form()).isPresent();
    }

    /** Fills the measures of every installed source into {@code table}, as of {@code asOf}, for everyone. */
    void fill(FeatureTable table, LocalDate asOf) {
        fill(table, asOf, FeatureExtractor.Scope.ALL);
    }

    /** The same for the customers of {@code scope} only. */
    void fill(FeatureTable table, LocalDate asOf, FeatureExtractor.Scope scope) {
        this.scope = scope;
        LocalDate recentFrom = asOf.minusDays(FeatureExtractor.RECENT_DAYS - 1L);
        OffsetDateTime end = start(asOf.plusDays(1));
        for (Source source : SOURCES) {
            if (!installed(source)) {
                continue;
            }
            switch (source.form()) {
                case "survey_response" -> survey(table, recentFrom, end);
                case "service_visit" -> visits(table, asOf, end);
                case "loyalty_entry" -> loyalty(table, asOf, recentFrom);
                default -> tierDrops(table, asOf);
            }
        }
    }

    /** Mean overall satisfaction of the last 90 days, its fall from the year before, and the mean NPS of a year. */
    private void survey(FeatureTable table, LocalDate recentFrom, OffsetDateTime end) {
        OffsetDateTime recent = start(recentFrom);
        Map<Integer, Double> before = new HashMap<>();
        each(aggregate("survey_response")
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, start(recentFrom.minusDays(365)))
                .where("answered_at", FilterOperator.LESS, recent)
                .where("score_overall", FilterOperator.IS_NOT_EMPTY)
                .groupBy(FeatureExtractor.CUSTOMER).avg("score_overall"), table, (i, row) -> {
                    before.put(i, number(row.avg("score_overall")));
                });
        each(aggregate("survey_response")
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, recent)
                .where("answered_at", FilterOperator.LESS, end)
                .where("score_overall", FilterOperator.IS_NOT_EMPTY)
                .groupBy(FeatureExtractor.CUSTOMER).avg("score_overall"), table, (i, row) -> {
                    double now = number(row.avg("score_overall"));
                    table.set(i, "satisfaction", now);
                    Double was = before.get(i);
                    if (was != null) {
                        table.set(i, "satisfaction_drop", was - now);
                    }
                });
        each(aggregate("survey_response")
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, start(recentFrom.minusDays(275)))
                .where("answered_at", FilterOperator.LESS, end)
                .where("nps", FilterOperator.IS_NOT_EMPTY)
                .groupBy(FeatureExtractor.CUSTOMER).avg("nps"), table,
                (i, row) -> table.set(i, "nps", number(row.avg("nps"))));
    }

    /**
     * Visits planned to end in the year before the day that were not done by then (no check-out, or a check-out
     * after the day) and not cancelled: overdue as of the day, also for a past cut-off.
     */
    private void visits(FeatureTable table, LocalDate asOf, OffsetDateTime end) {
        OffsetDateTime day = start(asOf);
        scope.rows(table.size).forEach(i -> table.set(i, "overdue_visits", 0));
        for (boolean checkedOutLater : new boolean[] {false, true}) {
            RecordAggregate query = aggregate("service_visit")
                    .where("planned_end", FilterOperator.GREATER_OR_EQUAL, start(asOf.minusDays(365)))
                    .where("planned_end", FilterOperator.LESS, day)
                    .where("status", FilterOperator.NOT_EQUALS, "cancelled");
            query = checkedOutLater ? query.where("checked_out_at", FilterOperator.GREATER_OR_EQUAL, end)
                    : query.where("checked_out_at", FilterOperator.IS_EMPTY);
            each(query.groupBy(FeatureExtractor.CUSTOMER).count(), table,
                    (i, row) -> table.set(i, "overdue_visits", table.get(i, "overdue_visits") + row.count()));
        }
    }

    /** Points earned or redeemed in the last 90 days, for members (anyone with an entry up to the day). */
    private void loyalty(FeatureTable table, LocalDate asOf, LocalDate recentFrom) {
        each(aggregate("loyalty_entry").where("occurred_on", FilterOperator.LESS_OR_EQUAL, asOf)
                .groupBy(FeatureExtractor.CUSTOMER).count(), table, (i, row) -> table.set(i, "loyalty_activity_90d", 0));
        each(aggregate("loyalty_entry").where("occurred_on", FilterOperator.BETWEEN, recentFrom, asOf)
                .where("kind", FilterOperator.IN, "EARN", "REDEEM")
                .groupBy(FeatureExtractor.CUSTOMER).count(), table,
                (i, row) -> table.set(i, "loyalty_activity_90d", row.count()));
    }

    /**
     * Moves to a lower tier in evaluation periods that ended in the year before the day. The tiering plugin keys its
     * history rows by period ({@code 2026}, {@code 2026-Q1}, {@code 12M-2026-04}); a key that does not read is skipped.
     */
    private void tierDrops(FeatureTable table, LocalDate asOf) {
        scope.rows(table.size).forEach(i -> table.set(i, "tier_drops_365d", 0));
        aggregate("tier_history").where("movement", FilterOperator.EQUALS, "DOWN")
                .groupBy(FeatureExtractor.CUSTOMER, "period").count().forEach(row -> {
                    int i = row(table, row.group(FeatureExtractor.CUSTOMER));
                    LocalDate ended = periodEnd(String.valueOf(row.group("period")));
                    if (i >= 0 && ended != null && ended.isBefore(asOf) && !ended.isBefore(asOf.minusDays(365))) {
                        table.set(i, "tier_drops_365d", table.get(i, "tier_drops_365d") + row.count());
                    }
                });
    }

    /** A query over a source form, for the customers of the current scope only. */
    private RecordAggregate aggregate(String form) {
        return scope.apply(records.aggregate(form));
    }

    /** The last day of a tiering period key, or null. */
    static LocalDate periodEnd(String key) {
        try {
            if (key.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(key), 12, 31);
            }
            if (key.matches("\\d{4}-Q[1-4]")) {
                return YearMonth.of(Integer.parseInt(key.substring(0, 4)), (key.charAt(6) - '0') * 3).atEndOfMonth();
            }
            if (key.matches("12M-\\d{4}-\\d{2}")) {
                return YearMonth.parse(key.substring(4)).atDay(1).minusDays(1);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static void each(RecordAggregate query, FeatureTable table, RowConsumer consumer) {
        query.forEach((Consumer<AggregateRow>) row -> {
            int i = row(table, row.group(FeatureExtractor.CUSTOMER));
            if (i >= 0) {
                consumer.accept(i, row);
            }
        });
    }

    /** One customer's grouped row. */
    @FunctionalInterface
    private interface RowConsumer {
        void accept(int row, AggregateRow values);
    }

    private static int row(FeatureTable table, Object id) {
        return id instanceof Number n ? table.indexOf(n.longValue()) : -1;
    }

    private static double number(Object value) {
        return value instanceof BigDecimal b ? b.doubleValue() : value instanceof Number n ? n.doubleValue()
                : Double.NaN;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atTime(LocalTime.MIDNIGHT).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
