package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.RecordPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The "Churn risk" tab of a customer: the current score with its level and reasons, the score over time (a line of
 * the stored history) and the customer's churn cases with their state. Read as the signed-in user.
 */
@Extension
public class ChurnPanel implements RecordPanel {

    @Override
    public String formId() {
        return FeatureExtractor.CUSTOMER;
    }

    @Override
    public LocalText title() {
        return LocalText.of("流失风险", "Churn risk");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        boolean chinese = "zh".equals(locale.getLanguage());
        Labels labels = new Labels(context, locale);
        Div panel = new Div();
        panel.setId("churn-panel");
        List<RecordData> history = context.recordsOfCurrentUser().search(ChurnForms.SCORE)
                .where("customer", FilterOperator.EQUALS, recordId).sortBy("id", true).limit(200).list();
        RecordData current = history.stream().filter(r -> Boolean.TRUE.equals(r.get("latest"))).findFirst()
                .orElse(history.isEmpty() ? null : history.get(0));
        Paragraph now = new Paragraph(current == null ? labels.text("panel.none")
                : labels.text("panel.current", current.get("score"), labels.option("risk_level",
                        current.get("risk_level")), current.get("scored_on")));
        now.setId("churn-current");
        panel.add(now);
        if (current != null) {
            Object reasons = current.get(chinese ? "reasons_zh" : "reasons_en");
            UnorderedList list = new UnorderedList();
            list.setId("churn-reasons");
            if (reasons != null && !reasons.toString().isBlank()) {
                for (String reason : reasons.toString().split(chinese ? "；" : "; ")) {
                    list.add(new ListItem(reason));
                }
            }
            panel.add(new H4(labels.text("panel.reasons")), list);
        }
        if (history.size() > 1) {
            List<String> dates = new ArrayList<>();
            List<Long> scores = new ArrayList<>();
            for (RecordData r : history.reversed()) {
                dates.add(String.valueOf(r.get("scored_on")));
                scores.add(((Number) r.get("score")).longValue());
            }
            Div chart = new Div(context.components().chart(new ChartSpec(ChartSpec.Kind.LINE,
                    labels.text("panel.history"), dates, List.of(new ChartSpec.Series(
                            labels.text("panel.chart.series"), scores, List.of("#e55"))))));
            chart.setId("churn-over-time");
            chart.setWidthFull();
            panel.add(new H4(labels.text("panel.history")), chart);
        }
        UnorderedList cases = new UnorderedList();
        cases.setId("churn-cases");
        context.recordsOfCurrentUser().search(ChurnForms.CASE).where("customer", FilterOperator.EQUALS, recordId)
                .sortBy("id", true).limit(20).list().forEach(c -> cases.add(new ListItem(labels.text("panel.cases",
                        labels.option("status", c.get("status"))) + (c.get("lost_on") == null ? ""
                        : " · " + c.get("lost_on")))));
        if (cases.getChildren().findAny().isPresent()) {
            panel.add(cases);
        }
        return panel;
    }
}
