package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.ui.ListFilter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Churn, retention and win-back rate per month or quarter, from when each customer was lost: the {@code lost_on} date
 * of their churn case (a case is opened when a customer is marked lost, so the cases are the dated losses; the
 * customer form's label field has no history to read).
 *
 * <ul>
 *   <li><b>customers at the start</b> of a period = customers created before its first day − losses dated before it
 *       whose case is not won back (a won-back customer counts as a customer again);</li>
 *   <li><b>churn rate</b> = losses dated in the period ÷ customers at its start; retention rate = 1 − churn rate;</li>
 *   <li><b>win-back rate</b> = cases of the period's losses won back ÷ those closed (won back or lost for good), as
 *       the metric {@code churn_win_back_rate}.</li>
 * </ul>
 *
 * Two queries whatever the number of customers: the cases grouped by day lost (with filtered counts of won back and
 * lost for good), and one pass over the customers with a filtered count per period start. Both are read as the viewer
 * ({@code recordsOfCurrentUser}), and every figure has the list-view filters behind it, so it opens exactly what it
 * counted. A rate over fewer than {@link RetentionRates#MINIMUM_N} customers (or closed cases) is not shown.
 */
final class PeriodRates {

    /** How long a period is. */
    enum Length {
        MONTH(1, 12), QUARTER(3, 8);

        final int months;
        /** How many periods are shown, the current one last. */
        final int shown;

        Length(int months, int shown) {
            this.months = months;
            this.shown = shown;
        }
    }

    /** A period from {@code first} to {@code last} (inclusive), named {@code 2026-03} or {@code 2026-Q1}. */
    record Period(LocalDate first, LocalDate last, String name) {
    }

    /** One period's figures. */
    record Row(Period period, long createdBefore, long lostBefore, long lost, long wonBack, long closed) {

        /** Customers at the start of the period. */
        long atStart() {
            return Math.max(0, createdBefore - lostBefore);
        }

        boolean enoughCustomers() {
            return atStart() >= RetentionRates.MINIMUM_N;
        }

        double churnRate() {
            return atStart() == 0 ? 0 : (double) lost / atStart();
        }

        boolean enoughClosed() {
            return closed >= RetentionRates.MINIMUM_N;
        }

        double winBackRate() {
            return closed == 0 ? 0 : (double) wonBack / closed;
        }
    }

    static final String WON_BACK = "won_back";
    static final String LOST_FOR_GOOD = "lost_for_good";
    /** The case states of a loss that still stands (not won back). */
    static final List<Object> STILL_LOST = List.of("open", "improving", LOST_FOR_GOOD);

    private final ZoneId zone;

    PeriodRates(ZoneId zone) {
        this.zone = zone;
    }

    /** The last {@link Length#shown} periods of {@code length} up to the one holding {@code today}, oldest first. */
    static List<Period> periods(LocalDate today, Length length) {
        int monthIndex = (today.getMonthValue() - 1) / length.months * length.months;
        LocalDate current = LocalDate.of(today.getYear(), monthIndex + 1, 1);
        List<Period> out = new ArrayList<>();
        for (int i = length.shown - 1; i >= 0; i--) {
            LocalDate first = current.minusMonths((long) i * length.months);
            LocalDate last = first.plusMonths(length.months).minusDays(1);
            String name = length == Length.MONTH ? first.toString().substring(0, 7)
                    : first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            out.add(new Period(first, last, name));
        }
        return out;
    }

    /** The figures of each period, as the signed-in user may see the customers and cases. */
    List<Row> compute(PluginContext context, LocalDate today, Length length) {
        List<Period> periods = periods(today, length);
        // losses per day lost: all, won back, lost for good
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        context.recordsOfCurrentUser().aggregate(ChurnForms.CASE).where("lost_on", FilterOperator.IS_NOT_EMPTY)
                .groupBy("lost_on").count()
                .countWhere("won", "status", FilterOperator.EQUALS, WON_BACK)
                .countWhere("gone", "status", FilterOperator.EQUALS, LOST_FOR_GOOD)
                .forEach(r -> byDay.put(LocalDate.parse(r.group("lost_on").toString()),
                        new long[] {r.count(), r.count("won"), r.count("gone")}));
        RecordAggregate customers = context.recordsOfCurrentUser().aggregate(FeatureExtractor.CUSTOMER).count();
        for (int i = 0; i < periods.size(); i++) {
            customers.countWhere("before" + i, "created_at", FilterOperator.LESS, start(periods.get(i)));
        }
        var created = customers.list().getFirst();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            long lostBefore = 0;
            for (long[] day : byDay.headMap(p.first()).values()) {
                lostBefore += day[0] - day[1];
            }
            long lost = 0;
            long won = 0;
            long gone = 0;
            for (Map.Entry<LocalDate, long[]> day : byDay.subMap(p.first(), true, p.last(), true).entrySet()) {
                lost += day.getValue()[0];
                won += day.getValue()[1];
                gone += day.getValue()[2];
            }
            rows.add(new Row(p, created.count("before" + i), lostBefore, lost, won, won + gone));
        }
        return rows;
    }

    private OffsetDateTime start(Period p) {
        return p.first().atStartOfDay(zone).toOffsetDateTime();
    }

    // ------------------------------------------------------------------ what each figure counted (list filters)

    /** The customers created before the period (form {@code customer}). */
    List<ListFilter> createdBefore(Period p) {
        return List.of(ListFilter.of("created_at", FilterOperator.LESS, start(p)));
    }

    /** The cases of losses dated before the period and not won back (form {@code churn_case}). */
    static List<ListFilter> lostBefore(Period p) {
        return List.of(ListFilter.of("lost_on", FilterOperator.LESS_OR_EQUAL, p.first().minusDays(1)),
                new ListFilter("status", FilterOperator.IN, STILL_LOST));
    }

    /** The cases of the losses dated in the period. */
    static List<ListFilter> lost(Period p) {
        return List.of(ListFilter.of("lost_on", FilterOperator.GREATER_OR_EQUAL, p.first()),
                ListFilter.of("lost_on", FilterOperator.LESS_OR_EQUAL, p.last()));
    }

    /** Of those, the ones won back. */
    static List<ListFilter> wonBack(Period p) {
        return Drill.and(lost(p), ListFilter.of("status", FilterOperator.IN, WON_BACK));
    }

    /** Of those, the closed ones (won back or lost for good). */
    static List<ListFilter> closed(Period p) {
        return Drill.and(lost(p), new ListFilter("status", FilterOperator.IN, List.of(WON_BACK, LOST_FOR_GOOD)));
    }
}
