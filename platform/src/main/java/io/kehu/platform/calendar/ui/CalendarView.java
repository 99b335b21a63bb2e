package io.kehu.platform.calendar.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.CalendarChangedException;
import io.kehu.platform.calendar.CalendarDay;
import io.kehu.platform.calendar.CalendarException;
import io.kehu.platform.calendar.CompanyCalendars;
import io.kehu.platform.calendar.HolidayRange;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 工作日历: the company's holidays and make-up working days year by year, edited in dialogs and saved as a whole
 * through {@link CompanyCalendars}. Working days and hours are shown, not edited. A banner says when the chosen year
 * (or, from October on, next year) has no holidays, because deadlines would then count every weekday as working.
 */
@Route(value = CalendarView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/calendar";

    private final CompanyCalendars calendars;
    private final Actor actor;
    private final Select<Integer> year = new Select<>();
    private final Paragraph warning = new Paragraph();
    private final Paragraph problems = new Paragraph();
    private final SpecialDays holidayList = new SpecialDays(true);
    private final SpecialDays makeUpList = new SpecialDays(false);
    private CompanyCalendars.Edition edition;
    private List<HolidayRange> holidays;
    private List<HolidayRange> makeUps;

    CalendarView(CompanyCalendars calendars, CurrentUser user, UserAccounts accounts) {
        this.calendars = calendars;
        this.actor = user.username().flatMap(accounts::findByUsername).map(Actor::of)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        year.setLabel(getTranslation("calendar.view.year"));
        year.setId("calendar-year");
        year.addValueChangeListener(e -> showYear());
        warning.setId("calendar-warning");
        warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        problems.setId("calendar-problems");
        problems.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("calendar.view.save"), e -> save());
        save.setId("save-calendar");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reload = new Button(getTranslation("calendar.view.reload"), e -> load());
        reload.setId("reload-calendar");
        load();
        add(new H2(getTranslation("calendar.view.title")), new Paragraph(getTranslation("calendar.view.intro")),
                workingTime(edition.calendar()), year, warning,
                holidayList, makeUpList, problems, new HorizontalLayout(save, reload));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.view.title");
    }

    /** Reads the company calendar afresh, dropping unsaved edits. */
    private void load() {
        edition = calendars.edition();
        holidays = new ArrayList<>(HolidayRange.of(edition.calendar()));
        makeUps = new ArrayList<>(edition.calendar().makeUpDays().stream()
                .map(day -> new HolidayRange(day.date(), day.date(), day.name())).toList());
        problems.setVisible(false);
        int thisYear = today().getYear();
        TreeSet<Integer> years = new TreeSet<>(List.of(thisYear, thisYear + 1));
        holidays.forEach(range -> years.add(range.from().getYear()));
        makeUps.forEach(day -> years.add(day.from().getYear()));
        Integer chosen = year.getValue();
        year.setItems(years.descendingSet().stream().toList());
        year.setValue(chosen != null && years.contains(chosen) ? chosen : thisYear);
        showYear();
    }

    private void showYear() {
        Integer shown = year.getValue();
        if (shown == null) {
            return;
        }
        holidayList.show(shown, inYear(holidays, shown));
        makeUpList.show(shown, inYear(makeUps, shown));
        LocalDate today = today();
        Integer missing = !hasHolidays(shown) ? shown
                : today.getMonthValue() >= 10 && !hasHolidays(today.getYear() + 1) ? today.getYear() + 1 : null;
        warning.setVisible(missing != null);
        warning.setText(missing == null ? "" : getTranslation("calendar.view.missing", String.valueOf(missing)));
    }

    private boolean hasHolidays(int y) {
        return holidays.stream().anyMatch(range -> range.from().getYear() == y || range.to().getYear() == y);
    }

    private static List<HolidayRange> inYear(List<HolidayRange> ranges, int y) {
        return ranges.stream().filter(r -> r.from().getYear() == y || r.to().getYear() == y)
                .sorted(Comparator.comparing(HolidayRange::from)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(edition.calendar().zone());
    }

    private void save() {
        List<CalendarDay> holidayDays = holidays.stream().flatMap(r -> r.dates().stream()).toList();
        List<CalendarDay> makeUpDays = makeUps.stream().map(r -> new CalendarDay(r.from(), r.name())).toList();
        BusinessCalendar edited = edition.calendar().withSpecialDays(holidayDays, makeUpDays);
        try {
            calendars.save(actor, edited, edition.version());
            load();
            problems.setText(getTranslation("calendar.view.saved"));
            problems.getStyle().set("color", "var(--lumo-success-text-color)");
            problems.setVisible(true);
        } catch (CalendarException e) {
            // The messages without their JSON paths: the admin edited a screen, not a file.
            showProblem(getTranslation("calendar.view.problems") + "\n" + e.problems().stream()
                    .map(problem -> problem.message(getLocale())).distinct().collect(Collectors.joining("\n")));
        } catch (CalendarChangedException e) {
            showProblem(e.message(getLocale()));
        } catch (AccessRefusedException e) {
            showProblem(e.message(getLocale()));
        }
    }

    /** After an edit in a dialog or a deletion: nothing is stored until Save, and the admin is told so. */
    private void changed() {
        problems.setText(getTranslation("calendar.view.unsaved"));
        problems.getStyle().set("color", "var(--lumo-secondary-text-color)");
        problems.setVisible(true);
        showYear();
    }

    private void showProblem(String text) {
        problems.setText(text);
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        problems.setVisible(true);
    }

    private Paragraph workingTime(BusinessCalendar calendar) {
        String days = calendar.workingDays().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, getLocale())).collect(Collectors.joining("、"));
        String hours = calendar.hours().stream().map(p -> p.from() + "–" + p.to()).collect(Collectors.joining("、"));
        Paragraph text = new Paragraph(getTranslation("calendar.view.working", days, hours,
                // 中国时间 / China Time: a name in the reader's language, not the zone id (Asia/Shanghai)
                calendar.zone().getDisplayName(TextStyle.FULL, getLocale())));
        text.setId("calendar-working-time");
        return text;
    }

    /** One kind of special day of the shown year: a title with its count, an add button, a grid or an empty state. */
    private final class SpecialDays extends Div {

        private final boolean holiday;
        private final String kind;
        private final H3 count = new H3();
        private final Paragraph empty = new Paragraph();
        private final Grid<HolidayRange> grid = new Grid<>();

        SpecialDays(boolean holiday) {
            this.holiday = holiday;
            this.kind = holiday ? "holidays" : "makeup";
            count.setId(kind + "-count");
            empty.setId(kind + "-empty");
            grid.setId(kind);
            grid.setAllRowsVisible(true);
            grid.addColumn(r -> r.name().in(getLocale())).setHeader(getTranslation("calendar.view.name"));
            if (holiday) {
                grid.addColumn(r -> r.from().toString()).setHeader(getTranslation("calendar.view.from"));
                grid.addColumn(r -> r.to().toString()).setHeader(getTranslation("calendar.view.to"));
                grid.addColumn(HolidayRange::days).setHeader(getTranslation("calendar.view.days"));
            } else {
                grid.addColumn(r -> r.from().toString()).setHeader(getTranslation("calendar.view.date"));
            }
            grid.addComponentColumn(r -> new HorizontalLayout(
                    new Button(getTranslation("calendar.view.edit"), e -> edit(r)),
                    new Button(getTranslation("calendar.view.delete"), e -> {
                        entries().remove(r);
                        changed();
                    }))).setKey("actions");
            Button add = new Button(getTranslation(holiday ? "calendar.view.add.holiday" : "calendar.view.add.makeup"),
                    e -> edit(null));
            add.setId("add-" + kind);
            add(count, add, empty, grid);
        }

        private List<HolidayRange> entries() {
            return holiday ? holidays : makeUps;
        }

        private void edit(HolidayRange editing) {
            LocalDate suggested = LocalDate.of(year.getValue(), 1, 1);
            new SpecialDayDialog(holiday, editing, suggested, result -> {
                if (editing != null) {
                    entries().remove(editing);
                }
                entries().add(result);
                changed();
            }).open();
        }

        void show(int shownYear, List<HolidayRange> ranges) {
            String y = String.valueOf(shownYear);
            long days = ranges.stream().mapToLong(HolidayRange::days).sum();
            count.setText(holiday
                    ? getTranslation("calendar.view.holidays.count", y, ranges.size(), days)
                    : getTranslation("calendar.view.makeup.count", y, ranges.size()));
            empty.setText(getTranslation("calendar.view." + kind + ".empty", y));
            empty.setVisible(ranges.isEmpty());
            grid.setVisible(!ranges.isEmpty());
            // A year's holidays are a handful of rows held in memory, not a table: a list is the honest data source.
            grid.setItems(ranges);
        }
    }
}
