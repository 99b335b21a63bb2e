package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowActionCall;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The workflow action {@code book_visit}: a step of any process books a service visit without anyone knowing record
 * ids — the definition names the visit type by its kind code, and the customer and the visitor by the fields of the
 * record that hold them:
 *
 * <pre>{@code
 * {"type": "plugin", "plugin": "service-visit", "action": "book_visit",
 *  "params": {"type": "repair", "customer": "customer", "visitor": "handler", "window": "afternoon", "days": "5"}}
 * }</pre>
 *
 * <p>{@code type} is one of installation, repair, maintenance, inspection, complaint, relationship (the active type
 * of that kind); {@code customer} the field holding the customer (default {@code customer}; on the customer form
 * the record itself); {@code visitor} a user field (default {@code handler}, else the record's {@code owner}) or
 * {@code team} a user field naming a team's manager; {@code window} the customer's preferred window (morning,
 * afternoon, evening, any); {@code days} how many working days ahead to look, from tomorrow (1–30, default 5). The
 * visit goes to the visitor's first free half hour in the window, origin 流程步骤, and keeps the record it came from
 * ({@code source_form}, {@code source_id}; a complaint also as {@code complaint}); a step taken again while that
 * visit is still to come books no second one.
 *
 * <p>A visit is help for the process, never an obstacle: when it cannot be booked (unknown type, no customer, nobody
 * free in those days) the step still goes through, the reason is logged and whoever took the step is told, in their
 * notices, to book it by hand.
 */
@Extension
public class BookVisitAction implements WorkflowActionHandler {

    static final String NAME = "book_visit";
    private static final int MAX_DAYS = 30;

    private final PluginContext context;

    public BookVisitAction(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(WorkflowActionCall call) {
        try {
            book(call);
        } catch (RecordException e) {
            refused(call, e.text());
        } catch (RuntimeException e) {
            context.logger().warn("book_visit on {} {} failed", call.formId(), call.recordId(), e);
            refused(call, context.messages().text("action.book.failed"));
        }
    }

    /** Books the visit the call asks for; empty when one from this record is still to come. */
    Optional<RecordData> book(WorkflowActionCall call) {
        String kind = call.param("type", "repair");
        RecordData type = ShippedCatalog.TYPES.stream().noneMatch(t -> t.kind().equals(kind)) ? null
                : VisitCatalog.of(context).typeOfKind(kind).orElse(null);
        if (type == null) { // not a kind, or no active type of it
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "action.book.type",
                    kind);
        }
        long customer = customerOf(call).orElseThrow(() -> RecordException.refused(RecordException.Reason.INVALID,
                context.messages(), "action.book.customer"));
        if (stillToCome(call).isPresent()) {
            return Optional.empty();
        }
        Long team = userField(call, call.param("team", "")).orElse(null);
        Long visitor = team != null ? null : userField(call, call.param("visitor", "handler"))
                .or(() -> userField(call, "owner")).orElse(null);
        PreferredWindow window = PreferredWindow.of(call.param("window", "any"));
        int days = Math.clamp(parse(call.param("days", "5")), 1, MAX_DAYS);
        VisitPlanner planner = new VisitPlanner(context, context.records());
        LocalDate day = LocalDate.now(Texts.ZONE);
        for (int working = 0; working < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            working++;
            Optional<OffsetDateTime> start = planner.firstFreeStart(visitor, day, window, VisitPlanner.duration(type));
            if (start.isPresent()) {
                Long complaint = ComplaintVisitsPanel.COMPLAINT.equals(call.formId()) ? call.recordId() : null;
                RecordData visit = planner.book(new Booking(customer, type.id(), visitor, start.get(), window,
                        "workflow", complaint, team));
                return Optional.of(context.records().update(VisitForms.VISIT, visit.id(), visit.rowVersion(),
                        java.util.Map.of("source_form", call.formId(), "source_id", call.recordId())));
            }
        }
        throw RecordException.refused(RecordException.Reason.VETOED, context.messages(), "action.book.full", days);
    }

    private Optional<Long> customerOf(WorkflowActionCall call) {
        if (VisitForms.CUSTOMER.equals(call.formId())) {
            return Optional.of(call.recordId());
        }
        return call.values().get(call.param("customer", "customer")) instanceof Number n
                ? Optional.of(n.longValue()) : Optional.empty();
    }

    private static Optional<Long> userField(WorkflowActionCall call, String field) {
        return !field.isBlank() && call.values().get(field) instanceof Number n ? Optional.of(n.longValue())
                : Optional.empty();
    }

    private Optional<RecordData> stillToCome(WorkflowActionCall call) {
        List<RecordData> visits = context.records().search(VisitForms.VISIT)
                .where("source_form", FilterOperator.EQUALS, call.formId())
                .where("source_id", FilterOperator.EQUALS, call.recordId())
                .where("status", FilterOperator.IN, VisitStatus.BOOKED.code(), VisitStatus.CONFIRMED.code())
                .limit(1).list();
        return visits.stream().findFirst();
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private void refused(WorkflowActionCall call, LocalText why) {
        context.logger().warn("book_visit on {} {}: no visit booked: {}", call.formId(), call.recordId(), why.en());
        if (call.actor() != null) {
            context.workflows().notify(call.formId(), call.recordId(), List.of(call.actor()), LocalText.of(
                    context.messages().get("action.book.manual", Locale.SIMPLIFIED_CHINESE, why.zh()),
                    context.messages().get("action.book.manual", Locale.ENGLISH, why.en())));
        }
    }
}
