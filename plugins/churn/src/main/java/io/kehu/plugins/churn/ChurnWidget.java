package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.ui.DashboardWidget;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The home-page card: how many of the customers the user may see are at high and medium risk now, and how many churn
 * cases are still open, with a link to the warning list. Counted by the database.
 */
@Extension
public class ChurnWidget implements DashboardWidget {

    @Override
    public LocalText title() {
        return LocalText.of("流失预警", "Churn warning");
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Labels labels = new Labels(context, locale);
        Map<String, Long> levels = new HashMap<>();
        context.recordsOfCurrentUser().aggregate(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .groupBy("risk_level").count()
                .forEach(row -> levels.put(String.valueOf(row.group("risk_level")), row.count()));
        long open = context.recordsOfCurrentUser().aggregate(ChurnForms.CASE)
                .where("status", FilterOperator.IN, "open", "improving").count().list().getFirst().count();
        Div card = new Div();
        card.setId("churn-widget");
        long scored = levels.values().stream().mapToLong(Long::longValue).sum();
        card.add(new Paragraph(scored == 0 ? labels.text("warnings.never")
                : labels.text("widget.levels", levels.getOrDefault("high", 0L), levels.getOrDefault("medium", 0L))));
        card.add(new Paragraph(labels.text("widget.cases", open)));
        card.add(new Anchor("apps/" + context.pluginId() + "/" + WarningListView.PATH, labels.text("nav.warnings")));
        return card;
    }
}
