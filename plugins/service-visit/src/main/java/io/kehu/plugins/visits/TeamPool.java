package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Visits assigned to a team rather than a person ({@code service_visit.team}: the team's manager, the visitor left
 * empty): the members of that team — everyone reporting to the manager, directly or not, as the platform's users
 * screen keeps it ({@code users().team}) — see them on their phone and one of them picks a visit up. Picking up makes
 * them the visitor; the server checks they belong to the team, that nobody took it first (the visit's row version)
 * and, under the visitor's lock, that it does not overlap their own visits ({@link VisitRules}); the phone warns of
 * such a clash before.
 */
final class TeamPool {

    private final PluginContext context;

    TeamPool(PluginContext context) {
        this.context = context;
    }

    /** The managers whose team {@code userId} is in: their manager, that one's manager, and so on. */
    List<Long> leadsOf(long userId) {
        List<Long> leads = new ArrayList<>();
        Optional<UserInfo> lead = context.users().managerOf(userId);
        while (lead.isPresent() && !leads.contains(lead.get().id()) && leads.size() < 20) {
            leads.add(lead.get().id());
            lead = context.users().managerOf(lead.get().id());
        }
        return leads;
    }

    /**
     * The visits waiting for someone of {@code userId}'s teams, from today on, in time order. Read as the plugin: a
     * member may not read a visit that is not theirs yet; this list shows them only their teams' open visits.
     */
    List<RecordData> open(long userId) {
        List<Long> leads = leadsOf(userId);
        if (leads.isEmpty()) {
            return List.of();
        }
        return context.records().search(VisitForms.VISIT)
                .where("team", FilterOperator.IN, leads.toArray())
                .where("visitor", FilterOperator.IS_EMPTY)
                .where("status", FilterOperator.IN, VisitStatus.BOOKED.code(), VisitStatus.CONFIRMED.code())
                .where("planned_start", FilterOperator.GREATER_OR_EQUAL,
                        LocalDate.now(Texts.ZONE).atStartOfDay(Texts.ZONE).toOffsetDateTime())
                .sortBy("planned_start", false).limit(100).list();
    }

    /**
     * {@code userId} takes the team visit {@code visitId} read at {@code rowVersion}.
     *
     * @throws RecordException VETOED when it is not their team's, already taken or would overlap one of their
     *                         visits (said in the user's language), CONFLICT when someone took it at the same moment
     */
    RecordData pickUp(long userId, long visitId, int rowVersion) {
        RecordData visit = context.records().get(VisitForms.VISIT, visitId).orElseThrow(() -> RecordException.refused(
                RecordException.Reason.NOT_FOUND, context.messages(), "error.visit.gone"));
        if (visit.get("visitor") != null || visit.rowVersion() != rowVersion) {
            throw RecordException.refused(RecordException.Reason.CONFLICT, context.messages(), "team.taken");
        }
        if (!(visit.get("team") instanceof Number lead) || !leadsOf(userId).contains(lead.longValue())) {
            throw RecordException.refused(RecordException.Reason.DENIED, context.messages(), "team.not.yours");
        }
        return context.records().update(VisitForms.VISIT, visitId, rowVersion, Map.of("visitor", userId));
    }

    /** The 团队待领取 section of the phone's day: count or empty state, a card per visit with its clash warning. */
    Div section(long userId, Locale locale, Runnable afterPickUp) {
        Div box = new Div();
        box.setId("team-pool");
        if (leadsOf(userId).isEmpty()) {
            return box; // not in any team: nothing to show
        }
        List<RecordData> open = open(userId);
        box.add(new H3(context.messages().get("team.title", locale)));
        Paragraph count = new Paragraph(open.isEmpty() ? context.messages().get("team.empty", locale)
                : context.messages().get("team.count", locale, open.size()));
        count.setId("team-count");
        box.add(count);
        Agenda agenda = new Agenda(context);
        for (RecordData visit : open) {
            Div card = new Div();
            card.setId("team-visit-" + visit.id());
            OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
            OffsetDateTime end = (OffsetDateTime) visit.get("planned_end");
            card.add(new Paragraph(Texts.span(start, end) + " · " + visit.get("subject")
                    + (visit.get("address") == null ? "" : " · " + visit.get("address"))));
            List<RecordData> clashes = agenda.clashes(userId, visit.id(), start, end);
            if (!clashes.isEmpty()) {
                Paragraph warning = new Paragraph("⚠ " + context.messages().get("team.clash", locale,
                        clashes.getFirst().get("subject"), Texts.span((OffsetDateTime) clashes.getFirst()
                                .get("planned_start"), (OffsetDateTime) clashes.getFirst().get("planned_end"))));
                warning.setId("team-clash-" + visit.id());
                warning.getStyle().set("color", "var(--lumo-error-text-color)");
                card.add(warning);
            }
            Paragraph outcome = new Paragraph();
            outcome.setId("team-outcome-" + visit.id());
            Button take = new Button(context.messages().get("team.pick", locale), e -> {
                try {
                    pickUp(userId, visit.id(), visit.rowVersion());
                    afterPickUp.run();
                } catch (RecordException ex) {
                    outcome.setText(ex.message(locale));
                }
            });
            take.setId("team-pick-" + visit.id());
            take.setWidthFull();
            take.setEnabled(clashes.isEmpty());
            card.add(take, outcome);
            card.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "12px")
                    .set("padding", "var(--lumo-space-m)").set("margin", "var(--lumo-space-s) 0");
            box.add(card);
        }
        return box;
    }
}
