package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.DashboardWidget;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The home-page card: bar charts (the SDK's chart component) of customers per level, in the level colours, and of the
 * last period's movements, both counted by the database with the signed-in user's visibility.
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
        TierScheme scheme = new TieringSettings(context).activeScheme();
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
        List<TierLevel> levels = scheme.levels();
        card.add(context.components().chart(ChartSpec.bar(null, levels.stream().map(l -> l.name().in(locale)).toList(),
                context.messages().get("widget.levels", locale), levels.stream().map(l -> perLevel.get(l.code()))
                        .toList(), levels.stream().map(TierLevel::colour).toList())));
        String[] lastPeriod = {null};
        context.recordsOfCurrentUser().aggregate(TieringForms.HISTORY).max("period").forEach(row ->
                lastPeriod[0] = (String) row.max("period"));
        if (lastPeriod[0] != null) {
            Map<String, Long> moves = new LinkedHashMap<>();
            context.recordsOfCurrentUser().aggregate(TieringForms.HISTORY)
                    .where("period", FilterOperator.EQUALS, lastPeriod[0]).groupBy("movement").count()
                    .forEach(row -> moves.put((String) row.group("movement"), row.count()));
            String title = context.messages().get("widget.moves", locale, lastPeriod[0]);
            card.add(new H4(title));
            List<Movement> shown = Arrays.stream(Movement.values()).filter(m -> moves.containsKey(m.name())).toList();
            card.add(context.components().chart(ChartSpec.bar(null, shown.stream().map(m -> m.label().in(locale))
                    .toList(), title, shown.stream().map(m -> moves.get(m.name())).toList(), shown.stream()
                    .map(m -> m == Movement.UP ? "#27ae60" : m == Movement.DOWN ? "#c0392b" : "#7f8c8d").toList())));
        }
        return card;
    }
}
