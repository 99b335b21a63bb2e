package io.kehu.platform.timeline;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The record view's timeline tab: the activity chart of the last twelve months, a filter by kind, and the entries
 * newest first, {@link Timeline#PAGE} at a time ("load more"). Changing the filter starts the feed again.
 */
public class TimelinePanel extends VerticalLayout {

    private final Timeline timeline;
    private final TimelineSubject subject;
    private final List<TimelineKind> kinds;
    private final CheckboxGroup<TimelineKind> filter = new CheckboxGroup<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Paragraph empty = new Paragraph();
    private final Button more = new Button();
    private final List<TimelineEntry> shown = new ArrayList<>();
    private final DateTimeFormatter dateTimes;
    private final DateTimeFormatter dates;
    private final MonthlyActivity activity;
    private TimelineFeed feed;

    TimelinePanel(Timeline timeline, TimelineSubject subject, MonthlyActivity activity) {
        this.timeline = timeline;
        this.subject = subject;
        this.activity = activity;
        this.kinds = timeline.kinds(subject);
        ZoneId zone = subject.zone();
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(subject.locale()).withZone(zone);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(subject.locale())
                .withZone(zone);
        setId("timeline");
        setPadding(false);
        setSpacing(false);

        if (!activity.series().isEmpty()) {
            H4 chartTitle = new H4(getTranslation("timeline.chart.title"));
            chartTitle.getStyle().set("margin", "var(--lumo-space-s) 0");
            add(chartTitle, ActivityChart.of(activity, subject.locale()));
        }

        filter.setId("timeline-filter");
        filter.setLabel(getTranslation("timeline.filter"));
        filter.setItems(kinds);
        filter.setItemLabelGenerator(TimelineKind::label);
        filter.setValue(new LinkedHashSet<>(kinds));
        filter.addValueChangeListener(e -> restart());

        list.setId("timeline-entries");
        list.setPadding(false);
        list.setSpacing(false);
        empty.setId("timeline-empty");
        empty.setText(getTranslation("timeline.empty"));
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        more.setId("timeline-more");
        more.setText(getTranslation("timeline.more"));
        more.addClickListener(e -> loadMore());
        more.getStyle().set("min-height", "44px");
        add(filter, list, empty, more);
        setAlignSelf(FlexComponent.Alignment.CENTER, more);
        restart();
    }

    /** The entries shown, in order (for tests). */
    public List<TimelineEntry> entries() {
        return List.copyOf(shown);
    }

    /** Selects only {@code kindIds} in the filter (for tests and deep links). */
    public void showOnly(Set<String> kindIds) {
        filter.setValue(new LinkedHashSet<>(kinds.stream().filter(k -> kindIds.contains(k.id())).toList()));
    }

    private void restart() {
        Set<String> selected = new LinkedHashSet<>();
        filter.getValue().forEach(k -> selected.add(k.id()));
        feed = timeline.feed(subject, selected);
        shown.clear();
        list.removeAll();
        loadMore();
    }

    private void loadMore() {
        for (TimelineEntry entry : feed.next(Timeline.PAGE)) {
            shown.add(entry);
            list.add(line(entry));
        }
        empty.setVisible(shown.isEmpty());
        more.setVisible(feed.hasMore());
    }

    private Div line(TimelineEntry entry) {
        Div box = new Div();
        box.addClassName("timeline-entry");
        box.getElement().setAttribute("data-kind", entry.kind());
        box.getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0")
                .set("width", "100%").set("box-sizing", "border-box");
        Span when = new Span((entry.dateOnly() ? dates : dateTimes).format(entry.at())
                + (entry.who().isEmpty() ? "" : " · " + entry.who()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div title = new Div();
        title.getStyle().set("font-weight", "600");
        if (entry.link() != null) {
            Anchor link = new Anchor(entry.link(), entry.title());
            link.getElement().setAttribute("router-link", true);
            title.add(link);
        } else {
            title.setText(entry.title());
        }
        box.add(when, title);
        if (!entry.text().isEmpty()) {
            Div text = new Div(entry.text());
            text.getStyle().set("white-space", "pre-line").set("overflow-wrap", "anywhere");
            box.add(text);
        }
        return box;
    }

    /** What the chart shows: related records per month over the last twelve months. */
    MonthlyActivity activity() {
        return activity;
    }
}
