package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Books visits: by hand (a manager's booking screen) or from a tier cadence. A visit and its copy of the checklist
 * are written in one transaction (held by the visitor's lock, the same one {@link VisitRules} takes), so a visit
 * never exists without its checklist and two bookings for one person cannot both pass the overlap check.
 */
final class VisitPlanner {

    static final Duration SLOT_STEP = Duration.ofMinutes(30);

    private final PluginContext context;
    private final PluginRecords records;

    VisitPlanner(PluginContext context, PluginRecords records) {
        this.context = context;
        this.records = records;
    }

    /**
     * Books a visit.
     *
     * @throws RecordException VETOED when it overlaps another visit of the visitor or leaves the preferred window
     *                         (the message says which, in both languages), INVALID for bad values
     */
    RecordData book(Booking booking) {
        VisitCatalog catalog = VisitCatalog.of(context);
        RecordData type = catalog.type(booking.typeId())
                .orElseThrow(() -> RecordException.refused(RecordException.Reason.NOT_FOUND, context.messages(),
                        "error.type.gone"));
        RecordData customer = records.get(VisitForms.CUSTOMER, booking.customerId())
                .orElseThrow(() -> RecordException.refused(RecordException.Reason.NOT_FOUND, context.messages(),
                        "error.customer.gone"));
        OffsetDateTime end = booking.start().plus(duration(type));
        LocalTime from = booking.start().atZoneSameInstant(Texts.ZONE).toLocalTime();
        LocalTime until = end.atZoneSameInstant(Texts.ZONE).toLocalTime();
        if (!booking.window().fits(from, until)) {
            // the window's name in the same language as the sentence around it
            LocalText window = context.messages().text("window." + booking.window().code());
            throw new RecordException(RecordException.Reason.VETOED, LocalText.of(
                    context.messages().get("veto.window", Locale.SIMPLIFIED_CHINESE, window.zh()),
                    context.messages().get("veto.window", Locale.ENGLISH, window.en())));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("subject", type.get("name") + " · " + customer.get("name"));
        values.put("customer", booking.customerId());
        values.put("visit_type", booking.typeId());
        values.put("status", VisitStatus.BOOKED.code());
        if (booking.visitorId() != null) {
            values.put("visitor", booking.visitorId());
        }
        values.put("planned_start", booking.start());
        values.put("planned_end", end);
        values.put("preferred_window", booking.window().code());
        values.put("origin", booking.origin());
        if (booking.complaintId() != null) {
            values.put("complaint", booking.complaintId());
        }
        if (booking.teamId() != null) {
            values.put("team", booking.teamId());
        }
        putIfPresent(values, "address", customer.get("address"));
        putIfPresent(values, "contact_phone", customer.get("phone"));
        List<VisitCatalog.Line> lines = catalog.checklist(booking.typeId());
        String lock = booking.visitorId() == null ? "visit:unassigned" : "visitor:" + booking.visitorId();
        return context.locks().exclusively(lock, () -> {
            RecordData visit = records.create(VisitForms.VISIT, values);
            if (!lines.isEmpty()) {
                records.batch(b -> lines.forEach(line -> b.create(VisitForms.CHECK, check(visit.id(), line))));
            }
            return visit;
        });
    }

    /**
     * Books the follow-up of a signed-off visit that left work open: a visit of the same customer, type, visitor and
     * team at {@code start}, whose checklist is the work lines answered 有问题 or left unanswered — each with last
     * time's note — and a fresh closing list; it keeps the visit it follows ({@code follow_up_of}, origin 后续上门).
     * One follow-up per visit (a cancelled one does not count).
     *
     * @throws RecordException INVALID when the visit is not signed off, has nothing open or has a follow-up already;
     *                         VETOED when the time overlaps another visit of the visitor (said in both languages)
     */
    RecordData followUp(long visitId, Long visitorId, OffsetDateTime start) {
        RecordData previous = records.get(VisitForms.VISIT, visitId).orElseThrow(() -> RecordException.refused(
                RecordException.Reason.NOT_FOUND, context.messages(), "error.visit.gone"));
        if (VisitStatus.of(previous.get("status")).orElse(null) != VisitStatus.SIGNED_OFF) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "followup.unsigned");
        }
        if (existingFollowUp(context, visitId).isPresent()) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "followup.exists");
        }
        List<RecordData> open = openItems(context, visitId);
        if (open.isEmpty()) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "followup.nothing");
        }
        long typeId = ((Number) previous.get("visit_type")).longValue();
        RecordData type = VisitCatalog.of(context).type(typeId).orElseThrow(() -> RecordException.refused(
                RecordException.Reason.NOT_FOUND, context.messages(), "error.type.gone"));
        Map<String, Object> values = new HashMap<>();
        values.put("subject", context.messages().get("followup.subject", Locale.SIMPLIFIED_CHINESE,
                previous.get("subject")));
        values.put("customer", previous.get("customer"));
        values.put("visit_type", typeId);
        values.put("status", VisitStatus.BOOKED.code());
        putIfPresent(values, "visitor", visitorId);
        putIfPresent(values, "team", previous.get("team"));
        values.put("planned_start", start);
        values.put("planned_end", start.plus(duration(type)));
        putIfPresent(values, "preferred_window", previous.get("preferred_window"));
        values.put("origin", "follow_up");
        values.put("follow_up_of", visitId);
        putIfPresent(values, "address", previous.get("address"));
        putIfPresent(values, "contact_phone", previous.get("contact_phone"));
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (RecordData item : open) {
            Map<String, Object> line = new HashMap<>();
            Object note = item.get("note");
            line.put("list_kind", "work");
            line.put("position", item.get("position"));
            line.put("item", note == null ? item.get("item") : context.messages().get("followup.item",
                    Locale.SIMPLIFIED_CHINESE, item.get("item"), note));
            Object en = item.get("item_en");
            putIfPresent(line, "item_en", en == null ? null : note == null ? en : context.messages().get(
                    "followup.item", Locale.ENGLISH, en, note));
            line.put("required", item.get("required"));
            line.put("photo_required", item.get("photo_required"));
            lines.add(line);
        }
        VisitCatalog.of(context).checklist(typeId).stream().filter(l -> "closing".equals(l.listKind()))
                .forEach(l -> lines.add(check(0, l)));
        String lock = visitorId == null ? "visit:unassigned" : "visitor:" + visitorId;
        return context.transactions().call(() -> context.locks().exclusively(lock, () -> {
            RecordData visit = records.create(VisitForms.VISIT, values);
            records.batch(b -> lines.forEach(line -> {
                Map<String, Object> withVisit = new HashMap<>(line);
                withVisit.put("visit", visit.id());
                b.create(VisitForms.CHECK, withVisit);
            }));
            return visit;
        }));
    }

    /** The work lines of a visit answered 有问题 or not answered: what a follow-up carries. */
    static List<RecordData> openItems(PluginContext context, long visitId) {
        return context.records().search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visitId)
                .where("list_kind", FilterOperator.EQUALS, "work").sortBy("position", false).limit(1000).list()
                .stream().filter(c -> c.get("result") == null || "problem".equals(c.get("result"))).toList();
    }

    /** The visit's follow-up that is not cancelled, if one was booked. */
    static Optional<RecordData> existingFollowUp(PluginContext context, long visitId) {
        return context.records().search(VisitForms.VISIT).where("follow_up_of", FilterOperator.EQUALS, visitId)
                .where("status", FilterOperator.NOT_EQUALS, VisitStatus.CANCELLED.code()).limit(1).list().stream()
                .findFirst();
    }

    /** Copies the type's checklist (and the closing list) onto a visit, in one transaction. */
    void copyChecklist(long visitId, long typeId) {
        List<VisitCatalog.Line> lines = VisitCatalog.of(context).checklist(typeId);
        if (!lines.isEmpty()) {
            records.batch(b -> lines.forEach(line -> b.create(VisitForms.CHECK, check(visitId, line))));
        }
    }

    private static void putIfPresent(Map<String, Object> values, String field, Object value) {
        if (value != null && !value.toString().isBlank()) {
            values.put(field, value);
        }
    }

    private static Map<String, Object> check(long visitId, VisitCatalog.Line line) {
        Map<String, Object> values = new HashMap<>();
        values.put("visit", visitId);
        values.put("list_kind", line.listKind());
        values.put("position", (long) line.position());
        values.put("item", line.item());
        putIfPresent(values, "item_en", line.itemEn());
        values.put("required", line.required());
        values.put("photo_required", line.photo());
        return values;
    }

    static Duration duration(RecordData type) {
        long minutes = VisitCatalog.number(type.get("duration_minutes"));
        return Duration.ofMinutes(minutes <= 0 ? 60 : minutes);
    }

    /**
     * The first start on {@code day} inside {@code window} (every half hour) at which a visit of {@code length}
     * does not overlap the visitor's active visits; empty when the window is full. Without a visitor: the window's
     * start.
     */
    Optional<OffsetDateTime> firstFreeStart(Long visitorId, LocalDate day, PreferredWindow window, Duration length) {
        return freeStarts(visitorId, day, window, length).stream().findFirst();
    }

    /**
     * Every start on {@code day} inside {@code window}, each half hour, at which a visit of {@code length} fits the
     * window and does not overlap the visitor's active visits, in time order (the booking form's exact times).
     * Without a visitor: every start in the window.
     */
    List<OffsetDateTime> freeStarts(Long visitorId, LocalDate day, PreferredWindow window, Duration length) {
        OffsetDateTime dayStart = day.atStartOfDay(Texts.ZONE).toOffsetDateTime();
        List<RecordData> busy = visitorId == null ? List.of() : context.records().search(VisitForms.VISIT)
                .where("visitor", FilterOperator.EQUALS, visitorId)
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_start", FilterOperator.LESS, dayStart.plusDays(1))
                .where("planned_end", FilterOperator.GREATER, dayStart)
                .fields("planned_start", "planned_end").limit(200).list();
        List<OffsetDateTime> free = new java.util.ArrayList<>();
        for (LocalTime t = window.from(); !t.plus(length).isAfter(window.until()); t = t.plus(SLOT_STEP)) {
            ZonedDateTime start = day.atTime(t).atZone(Texts.ZONE);
            OffsetDateTime s = start.toOffsetDateTime();
            OffsetDateTime e = s.plus(length);
            boolean open = busy.stream().noneMatch(v -> ((OffsetDateTime) v.get("planned_start")).isBefore(e)
                    && ((OffsetDateTime) v.get("planned_end")).isAfter(s));
            if (open) {
                free.add(s);
            }
            if (t.plus(SLOT_STEP).isBefore(t)) {
                break;
            }
        }
        return free;
    }
}
