package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Visits from a tier cadence: a customer whose level has a cadence of N days gets a relationship visit N days after
 * the last one (at once when there never was one), booked within the horizon for the customer's account manager at
 * the first free half hour of their day, in the window of the customer's last visit. A customer with a visit still
 * to come gets none; running it twice books nothing twice.
 */
final class CadencePlanner {

    /** What a run did. */
    record Outcome(int booked, int skipped, List<String> problems) {
    }

    private final PluginContext context;

    CadencePlanner(PluginContext context) {
        this.context = context;
    }

    Outcome plan(LocalDate today) {
        Optional<RecordData> type = VisitCatalog.of(context).typeOfKind("relationship");
        if (type.isEmpty()) {
            return new Outcome(0, 0, List.of("no active relationship visit type"));
        }
        int booked = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        long horizon = Long.parseLong(context.settings().get(VisitSettings.HORIZON, "7"));
        for (String level : List.of("KEY", "NORMAL", "POTENTIAL")) {
            long days = Long.parseLong(context.settings().get(VisitSettings.CADENCE_PREFIX + level,
                    "KEY".equals(level) ? "30" : "0"));
            if (days <= 0) {
                continue;
            }
            List<RecordData> customers = new ArrayList<>();
            context.records().search(VisitForms.CUSTOMER).where("level", FilterOperator.EQUALS, level)
                    .fields("name", "account_manager").forEach(customers::add);
            for (RecordData customer : customers) {
                Optional<LocalDate> due = due(customer.id(), days, today);
                if (due.isEmpty() || due.get().isAfter(today.plusDays(horizon))) {
                    skipped++;
                    continue;
                }
                try {
                    if (book(customer, type.get(), due.get().isBefore(today.plusDays(1)) ? today.plusDays(1) : due.get(),
                            today.plusDays(horizon))) {
                        booked++;
                    } else {
                        problems.add(customer.get("name") + ": no free time");
                    }
                } catch (RecordException e) {
                    problems.add(customer.get("name") + ": " + e.getMessage());
                }
            }
        }
        return new Outcome(booked, skipped, problems);
    }

    /** When the customer's next visit is due; empty when one is booked and still to come. */
    private Optional<LocalDate> due(long customerId, long days, LocalDate today) {
        List<RecordData> last = context.records().search(VisitForms.VISIT)
                .where("customer", FilterOperator.EQUALS, customerId)
                .where("status", FilterOperator.IN, "booked", "confirmed", "on_site", "signed_off")
                .sortBy("planned_start", true).fields("planned_start", "status").limit(1).list();
        if (last.isEmpty()) {
            return Optional.of(today);
        }
        OffsetDateTime start = (OffsetDateTime) last.getFirst().get("planned_start");
        if (VisitStatus.of(last.getFirst().get("status")).map(VisitStatus::active).orElse(false)
                && !start.atZoneSameInstant(Texts.ZONE).toLocalDate().isBefore(today)) {
            return Optional.empty();
        }
        return Optional.of(start.atZoneSameInstant(Texts.ZONE).toLocalDate().plusDays(days));
    }

    private boolean book(RecordData customer, RecordData type, LocalDate from, LocalDate until) {
        Long manager = customer.get("account_manager") instanceof Long id ? id : null;
        PreferredWindow window = lastWindow(customer.id());
        VisitPlanner planner = new VisitPlanner(context, context.records());
        for (LocalDate day = from; !day.isAfter(until.plusDays(7)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            Optional<OffsetDateTime> start = planner.firstFreeStart(manager, day, window, VisitPlanner.duration(type));
            if (start.isPresent()) {
                planner.book(new Booking(customer.id(), type.id(), manager, start.get(), window, "cadence"));
                return true;
            }
        }
        return false;
    }

    private PreferredWindow lastWindow(long customerId) {
        return context.records().search(VisitForms.VISIT).where("customer", FilterOperator.EQUALS, customerId)
                .sortBy("planned_start", true).fields("preferred_window").limit(1).list().stream()
                .map(v -> PreferredWindow.of(v.get("preferred_window"))).findFirst().orElse(PreferredWindow.ANY);
    }

    static Map<String, Object> summary(Outcome outcome) {
        return Map.of("booked", outcome.booked(), "skipped", outcome.skipped(), "problems", outcome.problems().size());
    }
}
