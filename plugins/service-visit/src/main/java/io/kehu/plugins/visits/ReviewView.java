package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.ui.ViewContribution;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The managers' review of visits: filters (status, visitor, booked between), counts per state, a lazy list of the
 * visits, the overdue ones (past their booked end and not signed off or cancelled) and the problems found on site
 * (checklist lines answered "problem", with their notes). Every list has its empty state.
 */
@Extension
public class ReviewView implements ViewContribution {

    static final String PATH = "review";
    private static final String ALL = "";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("上门服务总览", "Service visit review");
    }

    @Override
    public Set<String> roles() {
        return Set.of("MANAGER", "ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = TodayView.locale();
        Div view = new Div();
        view.setId("visits-review");
        view.setWidthFull();
        Select<String> status = new Select<>();
        status.setId("review-status");
        status.setLabel(context.messages().get("review.status", locale));
        List<String> statuses = new ArrayList<>(List.of(ALL));
        for (VisitStatus s : VisitStatus.values()) {
            statuses.add(s.code());
        }
        status.setItems(statuses);
        status.setItemLabelGenerator(code -> code == null || code.isEmpty() ? context.messages().get("review.all", locale)
                : Texts.status(context, code, locale));
        status.setValue(ALL);
        Select<UserInfo> visitor = new Select<>();
        visitor.setId("review-visitor");
        visitor.setLabel(context.messages().get("review.visitor", locale));
        visitor.setItems(context.users().enabled());
        visitor.setItemLabelGenerator(u -> u == null ? context.messages().get("review.all", locale) : u.displayName());
        visitor.setEmptySelectionAllowed(true);
        visitor.setEmptySelectionCaption(context.messages().get("review.all", locale));
        DatePicker from = new DatePicker(context.messages().get("review.from", locale));
        from.setId("review-from");
        DatePicker to = new DatePicker(context.messages().get("review.to", locale));
        to.setId("review-to");
        HorizontalLayout filters = new HorizontalLayout(status, visitor, from, to);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        Filter filter = () -> new Criteria(status.getValue(), visitor.getValue(), from.getValue(), to.getValue());
        Span counts = new Span();
        counts.setId("review-counts");
        Paragraph empty = new Paragraph(context.messages().get("review.empty", locale));
        empty.setId("review-empty");
        Grid<RecordData> grid = context.components().recordGrid(VisitForms.VISIT,
                () -> filter.get().apply(context.recordsOfCurrentUser().search(VisitForms.VISIT))
                        .sortBy("planned_start", true),
                "subject", "customer", "planned_start", "status", "visitor", "origin");
        grid.setId("review-grid");
        grid.setHeight("420px");
        Div overdue = new Div();
        overdue.setId("review-overdue");
        Div problems = new Div();
        problems.setId("review-problems");
        Runnable refresh = () -> {
            long total = counts(context, filter.get(), counts, locale);
            empty.setVisible(total == 0);
            grid.setVisible(total > 0);
            grid.getDataProvider().refreshAll();
            overdue(context, overdue, filter.get(), locale);
            problems(context, problems, locale);
        };
        status.addValueChangeListener(e -> refresh.run());
        visitor.addValueChangeListener(e -> refresh.run());
        from.addValueChangeListener(e -> refresh.run());
        to.addValueChangeListener(e -> refresh.run());
        view.add(new H2(context.messages().get("review.title", locale)), new BookingForm(context, locale, refresh),
                filters, counts, empty, grid, overdue, problems);
        refresh.run();
        return view;
    }

    private interface Filter {
        Criteria get();
    }

    /** The filters, applied alike to the list, the counts and the overdue list. */
    record Criteria(String status, UserInfo visitor, LocalDate from, LocalDate to) {

        RecordSearch apply(RecordSearch search) {
            if (status != null && !status.isEmpty()) {
                search.where("status", FilterOperator.EQUALS, status);
            }
            if (visitor != null) {
                search.where("visitor", FilterOperator.EQUALS, visitor.id());
            }
            if (from != null) {
                search.where("planned_start", FilterOperator.GREATER_OR_EQUAL,
                        from.atStartOfDay(Texts.ZONE).toOffsetDateTime());
            }
            if (to != null) {
                search.where("planned_start", FilterOperator.LESS, to.plusDays(1).atStartOfDay(Texts.ZONE).toOffsetDateTime());
            }
            return search;
        }

        RecordAggregate apply(RecordAggregate aggregate) {
            if (status != null && !status.isEmpty()) {
                aggregate.where("status", FilterOperator.EQUALS, status);
            }
            if (visitor != null) {
                aggregate.where("visitor", FilterOperator.EQUALS, visitor.id());
            }
            if (from != null) {
                aggregate.where("planned_start", FilterOperator.GREATER_OR_EQUAL,
                        from.atStartOfDay(Texts.ZONE).toOffsetDateTime());
            }
            if (to != null) {
                aggregate.where("planned_start", FilterOperator.LESS,
                        to.plusDays(1).atStartOfDay(Texts.ZONE).toOffsetDateTime());
            }
            return aggregate;
        }
    }

    private static long counts(PluginContext context, Criteria criteria, Span counts, Locale locale) {
        Map<String, Long> perStatus = new LinkedHashMap<>();
        criteria.apply(context.recordsOfCurrentUser().aggregate(VisitForms.VISIT)).groupBy("status").count()
                .forEach(row -> perStatus.put((String) row.group("status"), row.count()));
        long total = perStatus.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder(context.messages().get("review.count.total", locale, total));
        for (VisitStatus s : VisitStatus.values()) {
            long n = perStatus.getOrDefault(s.code(), 0L);
            if (n > 0) {
                text.append(" · ").append(context.messages().get("review.count.status", locale,
                        Texts.status(context, s.code(), locale), n));
            }
        }
        counts.setText(text.toString());
        return total;
    }

    private static void overdue(PluginContext context, Div area, Criteria criteria, Locale locale) {
        area.removeAll();
        List<RecordData> late = criteria.apply(context.recordsOfCurrentUser().search(VisitForms.VISIT))
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_end", FilterOperator.LESS, OffsetDateTime.now())
                .sortBy("planned_end", false).limit(100).list();
        area.add(new H3(context.messages().get("review.overdue.title", locale) + "（" + late.size() + "）"));
        if (late.isEmpty()) {
            area.add(new Paragraph(context.messages().get("review.overdue.empty", locale)));
            return;
        }
        UnorderedList list = new UnorderedList();
        for (RecordData v : late) {
            String who = v.get("visitor") instanceof Long id ? context.users().byId(id).map(UserInfo::displayName)
                    .orElse("") : context.messages().get("review.unassigned", locale);
            list.add(new ListItem(Texts.span((OffsetDateTime) v.get("planned_start"),
                    (OffsetDateTime) v.get("planned_end")) + " · " + v.get("subject") + " · " + who + " · "
                    + Texts.status(context, v.get("status"), locale)));
        }
        area.add(list);
    }

    private static void problems(PluginContext context, Div area, Locale locale) {
        area.removeAll();
        List<RecordData> found = context.recordsOfCurrentUser().search(VisitForms.CHECK)
                .where("result", FilterOperator.EQUALS, "problem").sortBy("answered_at", true).limit(100).list();
        area.add(new H3(context.messages().get("review.problems.title", locale) + "（" + found.size() + "）"));
        if (found.isEmpty()) {
            area.add(new Paragraph(context.messages().get("review.problems.empty", locale)));
            return;
        }
        UnorderedList list = new UnorderedList();
        for (RecordData c : found) {
            String visit = c.get("visit") instanceof Long id ? context.recordsOfCurrentUser().get(VisitForms.VISIT, id)
                    .map(v -> (String) v.get("subject")).orElse("") : "";
            list.add(new ListItem(Texts.dayTime((OffsetDateTime) c.get("answered_at")) + " · " + visit + " · "
                    + Texts.item(c, locale) + "：" + (c.get("note") == null ? "" : c.get("note"))));
        }
        area.add(list);
    }
}
