package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.DashboardWidget;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The home-page card: a bar chart of customers per level (in the level colours) and of the last period's movements,
 * both counted by the database with the signed-in user's visibility.
 */
@Extension
public class TierWidget implements DashboardWidget {

    @Override
    public LocalText title() {
        return LocalText.of("客户分级", "Customer tiers");
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        TierScheme scheme = new TieringSettings(context.settings()).activeScheme();
        Map<String, Long> perLevel = new LinkedHashMap<>();
        scheme.levels().forEach(l -> perLevel.put(l.code(), 0L));
        context.recordsOfCurrentUser().aggregate(TierEvaluator.CUSTOMER).groupBy(scheme.field()).count()
                .forEach(row -> {
                    Object level = row.group(scheme.field());
                    if (level != null && perLevel.containsKey(level.toString())) {
                        perLevel.put(level.toString(), row.count());
                    }
                });
        Div card = new Div();
        card.setId("tier-widget");
        card.add(new H4(context.messages().get("widget.levels", locale)));
        long max = perLevel.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (TierLevel level : scheme.levels()) {
            card.add(bar(level.name().in(locale), perLevel.get(level.code()), max, level.colour()));
        }
        String[] lastPeriod = {null};
        context.recordsOfCurrentUser().aggregate(TieringForms.HISTORY).max("period").forEach(row ->
                lastPeriod[0] = (String) row.max("period"));
        if (lastPeriod[0] != null) {
            Map<String, Long> moves = new LinkedHashMap<>();
            context.recordsOfCurrentUser().aggregate(TieringForms.HISTORY)
                    .where("period", FilterOperator.EQUALS, lastPeriod[0]).groupBy("movement").count()
                    .forEach(row -> moves.put((String) row.group("movement"), row.count()));
            card.add(new H4(context.messages().get("widget.moves", locale, lastPeriod[0])));
            long most = moves.values().stream().mapToLong(Long::longValue).max().orElse(0);
            for (Movement m : Movement.values()) {
                if (moves.containsKey(m.name())) {
                    card.add(bar(m.label().in(locale), moves.get(m.name()), most,
                            m == Movement.UP ? "#27ae60" : m == Movement.DOWN ? "#c0392b" : "#7f8c8d"));
                }
            }
        }
        return card;
    }

    /** One bar: label, a coloured bar as wide as its share of the largest, and the number. */
    private static Component bar(String label, long value, long max, String colour) {
        Span name = new Span(label);
        name.getStyle().set("display", "inline-block").set("width", "8em");
        Span fill = new Span();
        fill.getStyle().set("display", "inline-block").set("height", "0.8em").set("background", colour)
                .set("width", (max == 0 ? 0 : Math.max(1, 100 * value / max)) * 0.6 + "%");
        Span number = new Span(" " + value);
        Div row = new Div(name, fill, number);
        row.addClassName("tier-bar");
        return row;
    }
}
