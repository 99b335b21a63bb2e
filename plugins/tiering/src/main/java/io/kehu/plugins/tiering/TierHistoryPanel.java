package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.RecordPanel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The "Tier" tab of a customer: the current level with its entitlements, and the level over time with why (each
 * period's change, its metrics snapshot and who applied it). Read as the signed-in user: what they may see.
 */
@Extension
public class TierHistoryPanel implements RecordPanel {

    @Override
    public String formId() {
        return TierEvaluator.CUSTOMER;
    }

    @Override
    public LocalText title() {
        return LocalText.of("客户等级", "Tier");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        TieringSettings settings = new TieringSettings(context);
        TierScheme scheme = settings.activeScheme();
        Div panel = new Div();
        panel.setId("tier-panel");
        String level = context.recordsOfCurrentUser().get(TierEvaluator.CUSTOMER, recordId)
                .map(r -> (String) r.get(scheme.field())).orElse(null);
        String levelName = level == null ? null : scheme.level(level).map(l -> l.name().in(locale)).orElse(level);
        Paragraph current = new Paragraph(level == null ? context.messages().get("panel.none", locale)
                : context.messages().get("panel.current", locale, levelName));
        current.setId("tier-current");
        panel.add(current);
        Map<String, String> entitlements = level == null ? Map.of()
                : settings.entitlements().getOrDefault(level, Map.of());
        if (!entitlements.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("tier-entitlements");
            entitlements.forEach((key, value) -> list.add(new ListItem(
                    label(context, key, locale) + ": " + (value == null ? "" : value))));
            panel.add(new H4(context.messages().get("panel.entitlements", locale)), list);
        }
        List<RecordData> history = context.recordsOfCurrentUser().search(TieringForms.HISTORY)
                .where("customer", FilterOperator.EQUALS, recordId).sortBy("id", true).limit(100).list();
        HistoryTexts texts = new HistoryTexts(context, locale);
        UnorderedList changes = new UnorderedList();
        changes.setId("tier-history");
        for (RecordData h : history) {
            ListItem item = new ListItem(context.messages().get("panel.change", locale, h.get("period"),
                    texts.level(h.get("scheme"), h.get("old_level")), texts.level(h.get("scheme"), h.get("new_level")),
                    texts.movement(h.get("movement")), texts.appliedBy(h.get("applied_by"))));
            Span why = new Span(" " + texts.metrics(h.get("metrics")));
            why.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            item.add(why);
            changes.add(item);
        }
        panel.add(new H4(context.messages().get("panel.history", locale)));
        ChartSpec overTime = levelOverTime(context, scheme, history, locale);
        if (overTime != null) {
            Div chart = new Div(context.components().chart(overTime));
            chart.setId("tier-over-time");
            chart.setWidthFull();
            panel.add(chart);
        }
        panel.add(changes);
        return panel;
    }

    /**
     * The customer's level per period as a line (periods on the x axis in their keys' order: 2024, 2025 or
     * 2025-Q1, 2025-Q2): the level a period ended with,
     * as a height — the best level highest — with the scale in the series' name, so the legend and the chart's text
     * fallback read "Level (3 = Key customer, …)". Only the active scheme's rows: levels of different schemes have no
     * common scale. {@code null} when there is nothing to draw.
     */
    static ChartSpec levelOverTime(PluginContext context, TierScheme scheme, List<RecordData> history,
                                   Locale locale) {
        Map<String, Integer> heightPerPeriod = new java.util.TreeMap<>();
        int levels = scheme.levels().size();
        for (RecordData h : history.reversed()) {
            int rank = scheme.rank((String) h.get("new_level"));
            if (rank >= 0 && scheme.id().equals(h.get("scheme")) && h.get("period") != null) {
                // newest row first in the list, read oldest first here: a period applied twice ends with its last row
                heightPerPeriod.put(h.get("period").toString(), levels - rank);
            }
        }
        if (heightPerPeriod.isEmpty()) {
            return null;
        }
        String separator = context.messages().get("panel.scale.separator", locale);
        StringBuilder scale = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            scale.append(i == 0 ? "" : separator).append(levels - i).append(" = ")
                    .append(scheme.levels().get(i).name().in(locale));
        }
        return new ChartSpec(ChartSpec.Kind.LINE, context.messages().get("panel.chart.title", locale),
                List.copyOf(heightPerPeriod.keySet()), List.of(new ChartSpec.Series(
                        context.messages().get("panel.chart.series", locale, scale.toString()),
                        List.copyOf(heightPerPeriod.values()), List.of("#2c7be5"))));
    }

    private static String label(PluginContext context, String key, Locale locale) {
        String text = context.messages().get("entitlement." + key, locale);
        return text.startsWith("!") ? key : text;
    }
}
