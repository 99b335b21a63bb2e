package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.RecordPanel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The customer's "Satisfaction" tab (满意度): current CSAT and NPS with their n, the mean per dimension by month as a
 * line chart, and the latest responses. Read as the signed-in user.
 */
@Extension
public class SatisfactionPanel implements RecordPanel {

    static final List<String> COLOURS = List.of("#2c7be5", "#00a65a", "#f39c12", "#dd4b39", "#6f42c1");

    @Override
    public String formId() {
        return "customer";
    }

    @Override
    public LocalText title() {
        return LocalText.of("满意度", "Satisfaction");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Locale locale = Texts.locale();
        PluginMessages m = context.messages();
        Div panel = new Div();
        panel.setId("survey-panel");
        panel.setWidthFull();
        SurveyAnalytics analytics = new SurveyAnalytics(context.recordsOfCurrentUser());
        ScoreSummary all = analytics.summary(Map.of("customer", recordId));
        Paragraph current = new Paragraph(all.responses() == 0 ? m.get("panel.none", locale)
                : m.get("panel.count", locale, all.responses()) + " " + SurveysView.figures(m, all, locale));
        current.setId("survey-panel-current");
        panel.add(current);
        if (all.responses() == 0) {
            return panel;
        }
        ChartSpec chart = overTime(m, analytics.monthly(Map.of("customer", recordId)), locale);
        Div box = new Div(context.components().chart(chart));
        box.setId("survey-panel-chart");
        box.setWidthFull();
        panel.add(new H4(m.get("panel.chart", locale)), box);
        UnorderedList latest = new UnorderedList();
        latest.setId("survey-panel-latest");
        List<RecordData> rows = context.recordsOfCurrentUser().search(SurveyForms.RESPONSE)
                .where("customer", FilterOperator.EQUALS, recordId).sortBy("answered_at", true).limit(10).list();
        for (RecordData r : rows) {
            String when = String.valueOf(r.get("answered_at"));
            ListItem item = new ListItem(m.get("panel.response", locale, when.length() >= 10 ? when.substring(0, 10)
                    : when, r.get("survey_title"), m.get("channel." + r.get("channel"), locale),
                    SurveysView.figures(m, ScoreSummary.of(List.of(SurveyService.score(r))), locale)));
            if (r.get("summary") instanceof String answers && !answers.isBlank()) {
                // the customer's own words: set as text (never HTML), one answer per line
                Span words = new Span(answers);
                words.getStyle().set("display", "block").set("white-space", "pre-line")
                        .set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                item.add(words);
            }
            latest.add(item);
        }
        panel.add(new H4(m.get("panel.latest", locale)), latest);
        return panel;
    }

    /**
     * One line per dimension over the months (five-point scale). The chart takes no gaps, so a month without an
     * answer on a dimension carries the last known score (before the first one: the first one), rather than
     * dropping to zero.
     */
    static ChartSpec overTime(PluginMessages m, Map<String, ScoreSummary> monthly, Locale locale) {
        List<String> months = List.copyOf(monthly.keySet());
        List<ChartSpec.Series> series = new ArrayList<>();
        int i = 0;
        for (Dimension d : Dimension.values()) {
            List<BigDecimal> values = new ArrayList<>();
            boolean any = false;
            BigDecimal last = null;
            for (String month : months) {
                BigDecimal v = monthly.get(month).means().get(d);
                last = v != null ? v : last;
                values.add(last);
                any |= v != null;
            }
            if (any) {
                BigDecimal first = values.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
                values.replaceAll(v -> v == null ? first : v);
                series.add(new ChartSpec.Series(d.label().in(locale), values, List.of(COLOURS.get(i))));
            }
            i++;
        }
        return new ChartSpec(ChartSpec.Kind.LINE, m.get("panel.chart", locale), months, series);
    }
}
