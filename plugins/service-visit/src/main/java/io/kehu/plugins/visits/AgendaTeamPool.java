package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agenda's 团队待领取: the period's visits assigned to a team that nobody has picked up yet, per team, each with
 * the warnings the agenda gives assigned visits — outside the customer's window, and a clash with the visits of the
 * person who would take it (the person chosen in the agenda, else the viewer) — and 我来领取 for a member of that
 * team ({@link TeamPool#pickUp}: the server checks membership, that nobody took it first and the overlap under the
 * lock), or 指派给 for managers and administrators, who hand it to the team's manager or a member. Managers and administrators see every team's waiting visits, staff those of their own teams (read as the
 * plugin: a member may not open a visit that is not theirs yet).
 */
final class AgendaTeamPool {

    private final PluginContext context;
    private final Locale locale;
    private final TeamPool pool;

    AgendaTeamPool(PluginContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
        this.pool = new TeamPool(context);
    }

    /**
     * The waiting team visits starting on {@code from} up to, not including, {@code until}, in time order, grouped
     * by the team's manager (in the order their first visit comes).
     */
    Map<Long, List<RecordData>> waiting(Optional<UserInfo> viewer, Long person, LocalDate from, LocalDate until) {
        RecordSearch search = context.records().search(VisitForms.VISIT)
                .where("planned_start", FilterOperator.BETWEEN, from.atStartOfDay(Texts.ZONE).toOffsetDateTime(),
                        until.atStartOfDay(Texts.ZONE).toOffsetDateTime().minusNanos(1000))
                .where("visitor", FilterOperator.IS_EMPTY)
                .where("status", FilterOperator.IN, VisitStatus.BOOKED.code(), VisitStatus.CONFIRMED.code());
        List<Long> teams = null;
        if (person != null) {
            teams = pool.leadsOf(person);
        } else if (viewer.isEmpty() || !leads(viewer.get())) {
            teams = viewer.map(v -> pool.leadsOf(v.id())).orElse(List.of());
        }
        if (teams != null && teams.isEmpty()) {
            return Map.of();
        }
        search = teams == null ? search.where("team", FilterOperator.IS_NOT_EMPTY)
                : search.where("team", FilterOperator.IN, teams.toArray());
        Map<Long, List<RecordData>> out = new LinkedHashMap<>();
        for (RecordData visit : search.sortBy("planned_start", false).limit(Agenda.LIMIT).list()) {
            out.computeIfAbsent((Long) visit.get("team"), t -> new ArrayList<>()).add(visit);
        }
        return out;
    }

    private static boolean leads(UserInfo user) {
        return user.roles().contains("MANAGER") || user.roles().contains("ADMIN");
    }

    /** The section: title with the count or the empty state, then a block per team. */
    Div section(Long person, LocalDate from, LocalDate until, Runnable afterPickUp) {
        Optional<UserInfo> viewer = context.currentUsername().flatMap(u -> context.users().byUsername(u));
        Map<Long, List<RecordData>> byTeam = waiting(viewer, person, from, until);
        int count = byTeam.values().stream().mapToInt(List::size).sum();
        Div box = new Div();
        box.setId("agenda-team-pool");
        box.add(new H3(text("agenda.pool.title", count)));
        if (byTeam.isEmpty()) {
            Paragraph none = new Paragraph(text("agenda.pool.empty"));
            none.setId("agenda-pool-empty");
            box.add(none);
            return box;
        }
        Long taker = person != null ? person : viewer.map(UserInfo::id).orElse(null);
        List<Long> takersTeams = taker == null ? List.of() : pool.leadsOf(taker);
        boolean takerIsViewer = taker != null && viewer.map(v -> v.id() == taker).orElse(false);
        boolean handsOut = viewer.map(AgendaTeamPool::leads).orElse(false);
        Agenda agenda = new Agenda(context);
        byTeam.forEach((lead, visits) -> {
            Div team = new Div();
            team.setId("agenda-pool-team-" + lead);
            String name = context.users().byId(lead).map(UserInfo::displayName).orElse("");
            team.add(new H4(text("book.team.of", name) + " · " + text("agenda.day.count", visits.size())));
            for (RecordData visit : visits) {
                Div card = card(visit, agenda, taker, takerIsViewer && takersTeams.contains(lead), afterPickUp);
                if (handsOut) {
                    card.add(handOut(visit, lead, afterPickUp));
                }
                team.add(card);
            }
            box.add(team);
        });
        return box;
    }

    /**
     * A manager's 指派给: the team's manager or one of its members; the server checks membership and the overlap
     * under the person's lock ({@link VisitRules}) and the refusal is said here.
     */
    private Div handOut(RecordData visit, long lead, Runnable afterAssigning) {
        com.vaadin.flow.component.select.Select<UserInfo> member = new com.vaadin.flow.component.select.Select<>();
        member.setId("agenda-pool-member-" + visit.id());
        member.setLabel(text("agenda.pool.assign.to"));
        List<UserInfo> people = new ArrayList<>();
        context.users().byId(lead).ifPresent(people::add);
        people.addAll(context.users().team(lead));
        member.setItems(people);
        member.setItemLabelGenerator(u -> u == null ? "" : u.displayName());
        Paragraph outcome = new Paragraph();
        outcome.setId("agenda-pool-assign-outcome-" + visit.id());
        Button assign = new Button(text("agenda.pool.assign"), e -> {
            if (member.getValue() == null) {
                outcome.setText(text("agenda.pool.assign.choose"));
                return;
            }
            try {
                context.recordsOfCurrentUser().update(VisitForms.VISIT, visit.id(), visit.rowVersion(),
                        java.util.Map.of("visitor", member.getValue().id()));
                afterAssigning.run();
            } catch (RecordException ex) {
                outcome.setText(ex.message(locale));
            }
        });
        assign.setId("agenda-pool-assign-" + visit.id());
        assign.addThemeVariants(ButtonVariant.LUMO_SMALL);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout row =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(member, assign);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return new Div(row, outcome);
    }

    private Div card(RecordData visit, Agenda agenda, Long taker, boolean mayPickUp, Runnable afterPickUp) {
        Div card = new Div();
        card.setId("agenda-pool-visit-" + visit.id());
        card.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "8px")
                .set("padding", "6px 8px").set("margin", "6px 0");
        OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
        OffsetDateTime end = (OffsetDateTime) visit.get("planned_end");
        Span when = new Span(Texts.span(start, end) + " · " + Texts.status(context, visit.get("status"), locale));
        when.getStyle().set("font-weight", "600");
        card.add(when, new Paragraph(String.valueOf(visit.get("subject"))
                + (visit.get("address") == null ? "" : " · " + visit.get("address"))));
        List<String> warnings = new ArrayList<>();
        List<RecordData> clashes = agenda.clashes(taker, visit.id(), start, end);
        if (!clashes.isEmpty()) {
            RecordData c = clashes.getFirst();
            String whose = taker == null ? "" : context.users().byId(taker).map(UserInfo::displayName).orElse("");
            warnings.add(text("agenda.pool.clash", whose, c.get("subject"),
                    Texts.span((OffsetDateTime) c.get("planned_start"), (OffsetDateTime) c.get("planned_end"))));
        }
        if (Agenda.outsideWindow(visit)) {
            warnings.add(text("agenda.outside.window", text("window." + PreferredWindow.of(
                    visit.get("preferred_window")).code())));
        }
        if (!warnings.isEmpty()) {
            Paragraph warning = new Paragraph("⚠ " + String.join("；", warnings));
            warning.setId("agenda-pool-warning-" + visit.id());
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
            card.add(warning);
        }
        if (mayPickUp) {
            Paragraph outcome = new Paragraph();
            outcome.setId("agenda-pool-outcome-" + visit.id());
            Button take = new Button(text("team.pick"), e -> {
                try {
                    pool.pickUp(taker, visit.id(), visit.rowVersion());
                    afterPickUp.run();
                } catch (RecordException ex) {
                    outcome.setText(ex.message(locale));
                }
            });
            take.setId("agenda-pool-pick-" + visit.id());
            take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            take.setEnabled(clashes.isEmpty());
            card.add(take, outcome);
        }
        return card;
    }

    private String text(String key, Object... arguments) {
        return context.messages().get(key, locale, arguments);
    }
}
