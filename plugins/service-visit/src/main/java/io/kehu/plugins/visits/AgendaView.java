package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.ui.ViewContribution;
import io.kehu.sdk.users.UserInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * 上门日程 / Visit agenda: a day or a week (Monday first) for one person or the whole team, each day a column of
 * visit cards (time, state, subject, who) with conflict warnings (two visits of one person overlapping, a time
 * outside the customer's window), the overdue visits, and rescheduling — drag a card onto another day (same time)
 * or 改期 for a dialog with a date-time picker that warns of clashes before saving; below the days, the team visits
 * nobody has picked up yet ({@link AgendaTeamPool}), then the overdue ones. Either way the overlap check runs
 * again on the server under the visitor's lock. Columns wrap, so a phone shows the days one under another.
 */
@Extension
public class AgendaView implements ViewContribution {

    static final String PATH = "agenda";
    static final String DAY = "day";
    static final String WEEK = "week";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("上门日程", "Visit agenda");
    }

    @Override
    public Component create(PluginContext context) {
        return new Screen(context).root;
    }

    /** One open agenda: its filters and what they show. */
    static final class Screen {

        final Div root = new Div();
        private final PluginContext context;
        private final Locale locale = TodayView.locale();
        private final Select<String> mode = new Select<>();
        private final DatePicker day;
        private final Select<UserInfo> person = new Select<>();
        private final Div content = new Div();

        Screen(PluginContext context) {
            this.context = context;
            root.setId("visit-agenda");
            root.getStyle().set("padding", "var(--lumo-space-s)");
            mode.setId("agenda-mode");
            mode.setLabel(text("agenda.mode"));
            mode.setItems(DAY, WEEK);
            mode.setItemLabelGenerator(m -> text("agenda.mode." + m));
            mode.setValue(WEEK);
            day = new DatePicker(text("agenda.date"), LocalDate.now(Texts.ZONE));
            day.setId("agenda-day");
            person.setId("agenda-person");
            person.setLabel(text("agenda.person"));
            List<UserInfo> users = context.users().enabled();
            person.setItems(users);
            person.setEmptySelectionAllowed(true);
            person.setEmptySelectionCaption(text("agenda.team"));
            person.setItemLabelGenerator(u -> u == null ? text("agenda.team") : u.displayName());
            // staff see only their own visits anyway: start them on themselves, managers on the team
            context.currentUsername().flatMap(u -> context.users().byUsername(u))
                    .filter(u -> u.roles().stream().noneMatch(r -> r.equals("MANAGER") || r.equals("ADMIN")))
                    .flatMap(me -> users.stream().filter(u -> u.id() == me.id()).findFirst())
                    .ifPresent(person::setValue);
            Button previous = new Button("‹", e -> shift(-1));
            previous.setId("agenda-previous");
            previous.setAriaLabel(text("agenda.previous"));
            Button next = new Button("›", e -> shift(1));
            next.setId("agenda-next");
            next.setAriaLabel(text("agenda.next"));
            Button today = new Button(text("agenda.today"), e -> day.setValue(LocalDate.now(Texts.ZONE)));
            today.setId("agenda-today");
            HorizontalLayout filters = new HorizontalLayout(mode, day, person, previous, today, next);
            filters.setWrap(true);
            filters.setAlignItems(FlexComponent.Alignment.BASELINE);
            root.add(new H2(text("agenda.title")), filters, content);
            mode.addValueChangeListener(e -> show());
            day.addValueChangeListener(e -> show());
            person.addValueChangeListener(e -> show());
            show();
        }

        private void shift(int direction) {
            LocalDate at = Optional.ofNullable(day.getValue()).orElse(LocalDate.now(Texts.ZONE));
            day.setValue(WEEK.equals(mode.getValue()) ? at.plusWeeks(direction) : at.plusDays(direction));
        }

        private String text(String key, Object... arguments) {
            return context.messages().get(key, locale, arguments);
        }

        /** Reads the period again and redraws it. */
        void show() {
            content.removeAll();
            LocalDate at = Optional.ofNullable(day.getValue()).orElse(LocalDate.now(Texts.ZONE));
            boolean week = WEEK.equals(mode.getValue());
            LocalDate from = week ? at.with(DayOfWeek.MONDAY) : at;
            LocalDate until = from.plusDays(week ? 7 : 1);
            Long who = person.getValue() == null ? null : person.getValue().id();
            Agenda agenda = new Agenda(context);
            List<RecordData> visits = agenda.visits(who, from, until);
            Map<Long, RecordData> conflicts = Agenda.conflicts(visits);
            Paragraph count = new Paragraph(visits.isEmpty() ? text("agenda.empty")
                    : text(week ? "agenda.count.week" : "agenda.count.day", visits.size())
                            + (conflicts.isEmpty() ? "" : " · " + text("agenda.count.conflicts", conflicts.size())));
            count.setId(visits.isEmpty() ? "agenda-empty" : "agenda-count");
            Div days = new Div();
            days.setId("agenda-days");
            days.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
                LocalDate date = d;
                List<RecordData> ofDay = visits.stream().filter(v -> ((OffsetDateTime) v.get("planned_start"))
                        .atZoneSameInstant(Texts.ZONE).toLocalDate().equals(date)).toList();
                days.add(dayColumn(date, ofDay, conflicts, who == null));
            }
            content.add(count, days, new AgendaTeamPool(context, locale).section(who, from, until, this::show),
                    overdue(agenda.overdue(who)));
        }

        private Div dayColumn(LocalDate date, List<RecordData> visits, Map<Long, RecordData> conflicts,
                boolean team) {
            Div column = new Div();
            column.setId("agenda-day-" + date);
            column.addClassName("agenda-day");
            column.getStyle().set("flex", "1 1 180px").set("min-width", "180px")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "8px")
                    .set("padding", "var(--lumo-space-s)");
            if (date.equals(LocalDate.now(Texts.ZONE))) {
                column.getStyle().set("background", "var(--lumo-primary-color-10pct)");
            }
            String pattern = "zh".equals(locale.getLanguage()) ? "M月d日 EEE" : "EEE d MMM";
            column.add(new H4(date.format(DateTimeFormatter.ofPattern(pattern, locale)) + " · "
                    + text("agenda.day.count", visits.size())));
            if (visits.isEmpty()) {
                Span none = new Span(text("agenda.day.empty"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)");
                column.add(none);
            }
            for (RecordData visit : visits) {
                column.add(card(visit, conflicts.get(visit.id()), team));
            }
            // a card dropped here keeps its time of day and moves to this date
            DropTarget<Div> target = DropTarget.create(column);
            target.addDropListener(e -> e.getDragData().filter(Long.class::isInstance).map(Long.class::cast)
                    .ifPresent(id -> moveToDay(id, date)));
            return column;
        }

        private Div card(RecordData visit, RecordData conflict, boolean team) {
            Div card = new Div();
            card.setId("agenda-visit-" + visit.id());
            card.addClassName("agenda-card");
            card.getStyle().set("border-left", "4px solid var(--lumo-primary-color)").set("margin", "6px 0")
                    .set("padding", "6px 8px").set("background", "var(--lumo-base-color)")
                    .set("box-shadow", "var(--lumo-box-shadow-xs)");
            Span when = new Span(Texts.time((OffsetDateTime) visit.get("planned_start")) + "–"
                    + Texts.time((OffsetDateTime) visit.get("planned_end")) + " · "
                    + Texts.status(context, visit.get("status"), locale));
            when.getStyle().set("font-weight", "600");
            card.add(when, new Paragraph(String.valueOf(visit.get("subject"))));
            if (team) {
                card.add(new Paragraph(visit.get("visitor") instanceof Long id
                        ? context.users().byId(id).map(UserInfo::displayName).orElse("")
                        : text("review.unassigned")));
            }
            List<String> warnings = new ArrayList<>();
            if (conflict != null) {
                warnings.add(text("agenda.conflict", conflict.get("subject"), Texts.span(
                        (OffsetDateTime) conflict.get("planned_start"), (OffsetDateTime) conflict.get("planned_end"))));
            }
            if (Agenda.outsideWindow(visit)) {
                warnings.add(text("agenda.outside.window", text("window." + PreferredWindow.of(
                        visit.get("preferred_window")).code())));
            }
            if (!warnings.isEmpty()) {
                Paragraph warning = new Paragraph("⚠ " + String.join("；", warnings));
                warning.setId("agenda-warning-" + visit.id());
                warning.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
                card.add(warning);
            }
            VisitStatus status = VisitStatus.of(visit.get("status")).orElse(VisitStatus.CANCELLED);
            if (status == VisitStatus.BOOKED || status == VisitStatus.CONFIRMED) {
                Button move = new Button(text("agenda.reschedule"),
                        e -> new RescheduleDialog(context, locale, visit.id(), this::show).open());
                move.setId("agenda-reschedule-" + visit.id());
                move.addThemeVariants(ButtonVariant.LUMO_SMALL);
                card.add(move);
                DragSource<Div> drag = DragSource.create(card);
                drag.setDragData(visit.id());
            }
            return card;
        }

        /** A dropped card: same time of day, other date; the server's overlap check decides. */
        void moveToDay(long visitId, LocalDate date) {
            VisitService service = new VisitService(context);
            try {
                RecordData visit = service.visit(visitId);
                OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
                OffsetDateTime moved = date.atTime(start.atZoneSameInstant(Texts.ZONE).toLocalTime())
                        .atZone(Texts.ZONE).toOffsetDateTime();
                OffsetDateTime movedEnd = moved.plus(Duration.between(start, (OffsetDateTime) visit.get("planned_end")));
                List<RecordData> clashes = new Agenda(context).clashes(visit.get("visitor"), visitId, moved, movedEnd);
                if (!clashes.isEmpty()) { // said in the user's language; the server checks again under the lock
                    RecordData c = clashes.getFirst();
                    Notification.show("⚠ " + text("agenda.conflict", c.get("subject"), Texts.span(
                            (OffsetDateTime) c.get("planned_start"), (OffsetDateTime) c.get("planned_end"))));
                } else if (!moved.equals(start)) {
                    service.reschedule(visit, moved);
                    Notification.show(text("agenda.moved", visit.get("subject"), Texts.dayTime(moved)));
                }
            } catch (RecordException ex) {
                Notification.show(ex.message(locale));
            } catch (WorkflowRefusedException ex) {
                Notification.show(ex.text().in(locale));
            }
            show();
        }

        private Div overdue(List<RecordData> visits) {
            Div box = new Div();
            box.setId("agenda-overdue");
            box.add(new H3(text("agenda.overdue", visits.size())));
            if (visits.isEmpty()) {
                box.add(new Paragraph(text("review.overdue.empty")));
                return box;
            }
            for (RecordData v : visits) {
                Div line = new Div(new Span(Texts.span((OffsetDateTime) v.get("planned_start"),
                        (OffsetDateTime) v.get("planned_end")) + " · " + v.get("subject") + " · "
                        + Texts.status(context, v.get("status"), locale)));
                line.setId("agenda-overdue-" + v.id());
                VisitStatus status = VisitStatus.of(v.get("status")).orElse(VisitStatus.CANCELLED);
                if (status == VisitStatus.BOOKED || status == VisitStatus.CONFIRMED) {
                    Button move = new Button(text("agenda.reschedule"),
                            e -> new RescheduleDialog(context, locale, v.id(), this::show).open());
                    move.setId("agenda-overdue-reschedule-" + v.id());
                    move.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    line.add(move);
                }
                box.add(line);
            }
            return box;
        }
    }
}
