package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's current CSAT and NPS (last 365 days, the definitions of {@link SurveyFunctions}) stored in
 * {@code survey_customer}, one row per customer: written with each response in the response's transaction, so the
 * customer list can show and filter them (the plugin's list columns) and they never disagree with the responses.
 * Writers for the same customer take turns under a database lock, so two answers at once cannot both create the row.
 *
 * <p>The nightly {@link CustomerFiguresJob} keeps the rows true between responses ({@link #nightly}): it creates the
 * row of every customer who answered before the rows existed (backfill), and recomputes the rows whose figures a
 * response has left the 365 days since — the customers of responses that dropped out of the window since the last
 * run, and every row whose last response is more than 365 days old while it still counts responses (ageing out:
 * CSAT and NPS become empty, the count 0). A row is written only when its figures change, so a second run the same
 * night writes nothing.
 */
final class CustomerFigures {

    private final PluginContext context;

    CustomerFigures(PluginContext context) {
        this.context = context;
    }

    /** What a nightly run did: rows created for customers without one, and rows changed by ageing. */
    record Nightly(int backfilled, int aged) {
    }

    /** The last run's time (plugin setting): responses older than it minus 365 days have been aged out already. */
    static final String AGED_UNTIL = "customer_figures_aged_until";

    /** Backfills the missing rows and ages the rows out of the 365 days, as of {@code now}; see the class comment. */
    Nightly nightly(OffsetDateTime now) {
        java.util.Set<Long> withRow = new java.util.HashSet<>();
        java.util.Set<Long> stale = new java.util.HashSet<>();
        OffsetDateTime windowStart = now.minusDays(365);
        context.records().search(SurveyForms.CUSTOMER_FIGURES).fields("customer", "responses", "last_answered_at")
                .forEach(r -> {
                    if (r.get("customer") instanceof Number n) {
                        withRow.add(n.longValue());
                        if (r.get("responses") instanceof Number count && count.longValue() > 0
                                && r.get("last_answered_at") != null
                                && Rollups.time(r.get("last_answered_at")).isBefore(windowStart)) {
                            stale.add(n.longValue());
                        }
                    }
                });
        java.util.Set<Long> missing = new java.util.LinkedHashSet<>();
        context.records().aggregate(SurveyForms.RESPONSE).where("customer", FilterOperator.IS_NOT_EMPTY)
                .groupBy("customer").count().forEach(row -> {
                    if (row.group("customer") instanceof Number n && !withRow.contains(n.longValue())) {
                        missing.add(n.longValue());
                    }
                });
        // responses that left the window since the last run (all older ones on the first run)
        OffsetDateTime leftFrom = context.settings().get(AGED_UNTIL).map(OffsetDateTime::parse)
                .map(t -> t.minusDays(366)).orElse(OffsetDateTime.parse("1970-01-01T00:00:00Z"));
        context.records().aggregate(SurveyForms.RESPONSE).where("customer", FilterOperator.IS_NOT_EMPTY)
                .where("answered_at", FilterOperator.GREATER_OR_EQUAL, leftFrom)
                .where("answered_at", FilterOperator.LESS, windowStart).groupBy("customer").count().forEach(row -> {
                    if (row.group("customer") instanceof Number n && withRow.contains(n.longValue())) {
                        stale.add(n.longValue());
                    }
                });
        int backfilled = 0;
        for (long customer : missing) {
            backfilled += recomputeAlone(customer) ? 1 : 0;
        }
        int aged = 0;
        for (long customer : stale) {
            aged += recomputeAlone(customer) ? 1 : 0;
        }
        context.settings().put(AGED_UNTIL, now.toString());
        return new Nightly(backfilled, aged);
    }

    /** {@link #recompute} in its own transaction; a customer whose row cannot be written is logged and passed over. */
    private boolean recomputeAlone(long customer) {
        try {
            return context.transactions().call(() -> recompute(customer));
        } catch (RuntimeException e) {
            // e.g. the customer's row is in the recycle bin: restoring it brings the figures back with the next run
            context.logger().warn("survey figures of customer {} not stored: {}", customer, e.getMessage());
            return false;
        }
    }

    /** Recomputes the row of {@code customer} from their responses; writes only a change. Whether it wrote. */
    boolean recompute(long customer) {
        return context.locks().exclusively("survey-customer-" + customer, () -> {
            ScoreSummary now = new SurveyFunctions.Satisfaction(context).current(customer);
            Object last = context.records().search(SurveyForms.RESPONSE)
                    .where("customer", FilterOperator.EQUALS, customer).sortBy("answered_at", true)
                    .fields("answered_at").limit(1).list().stream().map(r -> r.get("answered_at")).findFirst()
                    .orElse(null);
            Map<String, Object> values = new HashMap<>();
            values.put("csat", now.csat());
            values.put("nps", now.nps());
            values.put("responses", (long) now.responses());
            values.put("last_answered_at", last == null ? null : Rollups.time(last));
            Optional<RecordData> row = context.records().search(SurveyForms.CUSTOMER_FIGURES)
                    .where("customer", FilterOperator.EQUALS, customer).limit(1).list().stream().findFirst();
            if (row.isEmpty()) {
                values.put("customer", customer);
                context.records().create(SurveyForms.CUSTOMER_FIGURES, values);
                return true;
            }
            if (values.entrySet().stream().allMatch(e -> same(e.getValue(), row.get().get(e.getKey())))) {
                return false;
            }
            context.records().update(SurveyForms.CUSTOMER_FIGURES, row.get().id(), row.get().rowVersion(), values);
            return true;
        });
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        if (a instanceof OffsetDateTime || b instanceof OffsetDateTime) {
            return Rollups.time(a).isEqual(Rollups.time(b));
        }
        return a.equals(b);
    }

    /** Recomputes and stores the figures of {@code customer}; call inside the response's transaction. */
    void refresh(long customer, OffsetDateTime answeredAt) {
        context.locks().exclusively("survey-customer-" + customer, () -> {
            ScoreSummary now = new SurveyFunctions.Satisfaction(context).current(customer);
            Map<String, Object> values = new HashMap<>();
            values.put("csat", now.csat());
            values.put("nps", now.nps());
            values.put("responses", (long) now.responses());
            values.put("last_answered_at", answeredAt);
            Optional<RecordData> row = context.records().search(SurveyForms.CUSTOMER_FIGURES)
                    .where("customer", FilterOperator.EQUALS, customer).limit(1).list().stream().findFirst();
            if (row.isPresent()) {
                context.records().update(SurveyForms.CUSTOMER_FIGURES, row.get().id(), row.get().rowVersion(),
                        values);
            } else {
                values.put("customer", customer);
                context.records().create(SurveyForms.CUSTOMER_FIGURES, values);
            }
            return null;
        });
    }
}
