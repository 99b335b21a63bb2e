package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the agenda shows, read as the signed-in user (staff see their own visits, managers their team's): the visits
 * of a period for one person or everyone, the overdue ones, and the warnings — two active visits of one person that
 * overlap (the booking lock prevents new ones; older data or a changed duration may still have them) and a visit
 * outside the customer's preferred window.
 */
final class Agenda {

    /** At most this many visits in one agenda page (a week of a team of 50 is well below). */
    static final int LIMIT = 1000;
    private static final String[] FIELDS = {"subject", "status", "visitor", "planned_start", "planned_end",
        "preferred_window", "customer"};

    private final PluginContext context;

    Agenda(PluginContext context) {
        this.context = context;
    }

    /**
     * The visits (not cancelled) with a visitor starting on {@code from} up to, not including, {@code until}, in time
     * order; team visits nobody has picked up are {@link AgendaTeamPool}'s.
     */
    List<RecordData> visits(Long visitorId, LocalDate from, LocalDate until) {
        RecordSearch search = context.recordsOfCurrentUser().search(VisitForms.VISIT)
                .where("planned_start", FilterOperator.BETWEEN, from.atStartOfDay(Texts.ZONE).toOffsetDateTime(),
                        until.atStartOfDay(Texts.ZONE).toOffsetDateTime().minusNanos(1000))
                .where("status", FilterOperator.NOT_EQUALS, VisitStatus.CANCELLED.code())
                .where("visitor", FilterOperator.IS_NOT_EMPTY);
        if (visitorId != null) {
            search = search.where("visitor", FilterOperator.EQUALS, visitorId);
        }
        return search.fields(FIELDS).sortBy("planned_start", false).limit(LIMIT).list();
    }

    /** Active visits that should have ended by now, oldest first. */
    List<RecordData> overdue(Long visitorId) {
        RecordSearch search = context.recordsOfCurrentUser().search(VisitForms.VISIT)
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_end", FilterOperator.LESS, OffsetDateTime.now());
        if (visitorId != null) {
            search = search.where("visitor", FilterOperator.EQUALS, visitorId);
        }
        return search.fields(FIELDS).sortBy("planned_end", false).limit(200).list();
    }

    /** For each visit that overlaps another active visit of the same person in {@code visits}: that other visit. */
    static Map<Long, RecordData> conflicts(List<RecordData> visits) {
        Map<Long, RecordData> out = new HashMap<>();
        List<RecordData> active = visits.stream().filter(v -> VisitStatus.of(v.get("status"))
                .map(VisitStatus::active).orElse(false) && v.get("visitor") != null).toList();
        for (int i = 0; i < active.size(); i++) {
            for (int j = i + 1; j < active.size(); j++) {
                RecordData a = active.get(i);
                RecordData b = active.get(j);
                if (Objects.equals(a.get("visitor"), b.get("visitor")) && overlap(a, b)) {
                    out.putIfAbsent(a.id(), b);
                    out.putIfAbsent(b.id(), a);
                }
            }
        }
        return out;
    }

    private static boolean overlap(RecordData a, RecordData b) {
        OffsetDateTime as = (OffsetDateTime) a.get("planned_start");
        OffsetDateTime ae = (OffsetDateTime) a.get("planned_end");
        OffsetDateTime bs = (OffsetDateTime) b.get("planned_start");
        OffsetDateTime be = (OffsetDateTime) b.get("planned_end");
        return as != null && ae != null && bs != null && be != null && as.isBefore(be) && bs.isBefore(ae);
    }

    /** Whether the visit lies outside the customer's preferred window. */
    static boolean outsideWindow(RecordData visit) {
        OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
        OffsetDateTime end = (OffsetDateTime) visit.get("planned_end");
        return start != null && end != null && !PreferredWindow.of(visit.get("preferred_window"))
                .fits(start.atZoneSameInstant(Texts.ZONE).toLocalTime(), end.atZoneSameInstant(Texts.ZONE)
                        .toLocalTime());
    }

    /**
     * The person's other active visits that a visit moved to {@code start}–{@code end} would overlap (read as the
     * plugin: a manager must see the clash even with a visit they cannot open). The save checks again under the
     * lock; this is the warning before it.
     */
    List<RecordData> clashes(Object visitorId, long self, OffsetDateTime start, OffsetDateTime end) {
        if (visitorId == null) {
            return List.of();
        }
        List<RecordData> out = new ArrayList<>();
        for (RecordData o : context.records().search(VisitForms.VISIT)
                .where("visitor", FilterOperator.EQUALS, visitorId)
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_start", FilterOperator.LESS, end)
                .where("planned_end", FilterOperator.GREATER, start)
                .fields("subject", "planned_start", "planned_end").limit(10).list()) {
            if (o.id() != self) {
                out.add(o);
            }
        }
        return out;
    }
}
