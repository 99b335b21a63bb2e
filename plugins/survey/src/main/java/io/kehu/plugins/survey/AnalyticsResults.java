package io.kehu.plugins.survey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.records.RecordData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analytics' figures for the chosen survey, period and breakdown: the period against the previous one, one row
 * per group with its n, a drill-through to each row's responses (a lazy grid) and the rows as XLSX.
 */
final class AnalyticsResults {

    private AnalyticsResults() {
    }

    static void fill(PluginContext context, Div results, String survey, ResultsBreakdown.Period period,
            ResultsBreakdown.By by, Locale locale) {
        PluginMessages m = context.messages();
        ResultsBreakdown data = new ResultsBreakdown(context.recordsOfCurrentUser());
        results.removeAll();
        ScoreSummary now = data.total(survey, period);
        ScoreSummary before = data.total(survey, period.previous());
        ResultsBreakdown.Rate rate = data.rate(survey, period);
        ResultsBreakdown.Rate rateBefore = data.rate(survey, period.previous());
        Paragraph summary = new Paragraph(m.get("analytics.summary", locale, now.responses(), before.responses(),
                Texts.percent(rate.percent()), rate.answered(), rate.sent(), Texts.percent(rateBefore.percent())));
        summary.setId("analytics-summary");
        results.add(summary);
        if (now.responses() == 0) {
            Paragraph empty = new Paragraph(m.get("analytics.empty", locale));
            empty.setId("analytics-empty");
            results.add(empty);
            return;
        }
        Paragraph figures = new Paragraph(SurveysView.figures(m, now, locale));
        figures.setId("analytics-figures");
        Paragraph compare = new Paragraph(m.get("analytics.compare", locale, delta(now.csat(), before.csat()),
                delta(now.nps(), before.nps())));
        compare.setId("analytics-compare");
        results.add(figures, compare);
        List<ResultsBreakdown.Group> groups = data.groups(survey, period, by);
        Div drill = new Div();
        drill.setId("analytics-drill");
        drill.setWidthFull();
        Div rows = new Div();
        rows.setId("analytics-groups");
        rows.setWidthFull();
        for (ResultsBreakdown.Group g : groups) {
            String label = label(context, by, g.key(), locale);
            Div row = new Div();
            row.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.4em 0");
            Span name = new Span(label);
            name.getStyle().set("font-weight", "600").set("display", "block");
            Button open = new Button(m.get("analytics.drill", locale, g.summary().responses()), e -> {
                drill.removeAll();
                drill.add(new H4(m.get("analytics.drillTitle", locale, label)), grid(context, data, survey, period,
                        by, g.key()));
            });
            open.setId("analytics-drill-" + groups.indexOf(g));
            row.add(name, new Span(SurveysView.figures(m, g.summary(), locale)), open);
            rows.add(row);
        }
        results.add(new H4(m.get("analytics.groups", locale, m.get("analytics.by." + by.name().toLowerCase(Locale.ROOT),
                locale), groups.size())), rows, export(context, groups, by, locale), drill);
    }

    private static Grid<RecordData> grid(PluginContext context, ResultsBreakdown data, String survey,
            ResultsBreakdown.Period period, ResultsBreakdown.By by, Object key) {
        Grid<RecordData> grid = context.components().recordGrid(SurveyForms.RESPONSE,
                () -> data.search(survey, period, by, key), "answered_at", "customer", "survey_title", "channel",
                "score_overall", "nps", "low_score", "summary");
        grid.setId("analytics-responses");
        grid.setWidthFull();
        return grid;
    }

    private static com.vaadin.flow.component.Component export(PluginContext context,
            List<ResultsBreakdown.Group> groups, ResultsBreakdown.By by, Locale locale) {
        PluginMessages m = context.messages();
        List<ExportColumn<ResultsBreakdown.Group>> columns = new ArrayList<>(List.of(
                ExportColumn.of(m.get("analytics.by." + by.name().toLowerCase(Locale.ROOT), locale),
                        g -> label(context, by, g.key(), locale)),
                ExportColumn.of(m.get("analytics.col.responses", locale), g -> g.summary().responses()),
                ExportColumn.of("CSAT %", g -> g.summary().csat()),
                ExportColumn.of(m.get("analytics.col.rated", locale), g -> g.summary().rated()),
                ExportColumn.of("NPS", g -> g.summary().nps()),
                ExportColumn.of(m.get("analytics.col.npsN", locale), g -> g.summary().npsAnswers())));
        for (Dimension d : Dimension.values()) {
            columns.add(ExportColumn.of(d.label().in(locale), g -> g.summary().means().get(d)));
            columns.add(ExportColumn.of(m.get("analytics.col.meanN", locale, d.label().in(locale)),
                    g -> g.summary().meanCounts().get(d)));
        }
        return context.exports().downloadLink(() -> new ExportTable<>("survey-analytics", columns, groups::forEach),
                PluginExports.Format.XLSX, m.get("analytics.export", locale));
    }

    /** A group's name as users read it: the tier's label, the manager's name, the channel's label. */
    static String label(PluginContext context, ResultsBreakdown.By by, Object key, Locale locale) {
        if (key == null || key.toString().isBlank()) {
            return context.messages().get("analytics.unknown", locale);
        }
        return switch (by) {
            case TIER -> optionLabel(context, "customer", Campaigns.TIER_FIELD, key.toString(), locale);
            case REGION -> optionLabel(context, "customer", "region", key.toString(), locale);
            case CHANNEL -> optionLabel(context, SurveyForms.RESPONSE, "channel", key.toString(), locale);
            case OWNER -> context.users().byId(((Number) key).longValue()).map(u -> u.displayName())
                    .orElse(key.toString());
            case HANDLER -> context.users().byUsername(key.toString()).map(u -> u.displayName())
                    .orElse(key.toString());
            case MONTH -> key.toString();
        };
    }

    private static String optionLabel(PluginContext context, String form, String field, String value, Locale locale) {
        return context.definitions().form(form).flatMap(f -> f.field(field)).map(f -> f.optionLabel(value))
                .orElse(LocalText.of(value, value)).in(locale);
    }

    /** "+5.2", "−3", or "—" when either side has no figure. */
    static String delta(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return "—";
        }
        BigDecimal d = now.subtract(before).stripTrailingZeros();
        return d.signum() > 0 ? "+" + d.toPlainString() : d.signum() < 0 ? "−" + d.negate().toPlainString() : "0";
    }
}
