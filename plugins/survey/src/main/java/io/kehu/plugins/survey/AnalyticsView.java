package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code apps/survey/analytics} (managers, admins): response rate, CSAT, NPS and the mean per dimension of a period,
 * each with its n and against the previous period of the same length; broken down by tier, account manager,
 * original handler, channel or month; every row drills through to its responses; the breakdown exports as XLSX.
 */
@Extension
public class AnalyticsView implements ViewContribution {

    static final String PATH = "analytics";
    static final String ALL = "*";

    /** The periods offered, ending now. */
    enum Range {
        MONTH, QUARTER, YEAR, TWELVE_MONTHS;

        ResultsBreakdown.Period period(LocalDate today, ZoneId zone) {
            LocalDate from = switch (this) {
                case MONTH -> today.withDayOfMonth(1);
                case QUARTER -> today.withDayOfMonth(1).minusMonths(2);
                case YEAR -> today.withDayOfYear(1);
                case TWELVE_MONTHS -> today.withDayOfMonth(1).minusMonths(11);
            };
            OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
            return new ResultsBreakdown.Period(start, today.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("满意度分析", "Satisfaction analytics");
    }

    @Override
    public Set<String> roles() {
        return Set.of("MANAGER", "ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = Texts.locale();
        PluginMessages m = context.messages();
        VerticalLayout page = new VerticalLayout();
        page.setId("survey-analytics");
        page.setMaxWidth("70rem");
        List<Survey> surveys = new SurveyCatalog(context).all();
        List<String> keys = new ArrayList<>(List.of(ALL));
        surveys.forEach(s -> keys.add(s.key()));
        Select<String> survey = new Select<>();
        survey.setId("analytics-survey");
        survey.setLabel(m.get("analytics.survey", locale));
        survey.setItems(keys);
        survey.setItemLabelGenerator(k -> ALL.equals(k) ? m.get("analytics.allSurveys", locale)
                : surveys.stream().filter(s -> s.key().equals(k)).findFirst().map(s -> s.current().title().in(locale))
                        .orElse(k));
        survey.setValue(ALL);
        Select<Range> range = new Select<>();
        range.setId("analytics-range");
        range.setLabel(m.get("analytics.range", locale));
        range.setItems(Range.values());
        range.setItemLabelGenerator(r -> m.get("analytics.range." + r.name().toLowerCase(Locale.ROOT), locale));
        range.setValue(Range.QUARTER);
        Select<ResultsBreakdown.By> by = new Select<>();
        by.setId("analytics-by");
        by.setLabel(m.get("analytics.by", locale));
        by.setItems(ResultsBreakdown.By.values());
        by.setItemLabelGenerator(b -> m.get("analytics.by." + b.name().toLowerCase(Locale.ROOT), locale));
        by.setValue(ResultsBreakdown.By.TIER);
        FlexLayout controls = new FlexLayout(survey, range, by);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.getStyle().set("gap", "1em");
        Div results = new Div();
        results.setId("analytics-results");
        results.setWidthFull();
        ZoneId zone = ZoneId.systemDefault();
        TextAnswersPanel texts = new TextAnswersPanel(context, locale,
                () -> ALL.equals(survey.getValue()) ? null : survey.getValue(),
                () -> range.getValue().period(LocalDate.now(zone), zone));
        Runnable refresh = () -> {
            ResultsBreakdown.Period period = range.getValue().period(LocalDate.now(zone), zone);
            AnalyticsResults.fill(context, results, ALL.equals(survey.getValue()) ? null : survey.getValue(), period,
                    by.getValue(), locale);
        };
        survey.addValueChangeListener(e -> {
            refresh.run();
            texts.refresh();
        });
        range.addValueChangeListener(e -> {
            refresh.run();
            texts.refresh();
        });
        by.addValueChangeListener(e -> refresh.run());
        page.add(new H3(m.get("analytics.title", locale)), controls, results, texts);
        refresh.run();
        return page;
    }
}
