package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several metrics side by side, one row per group value they share (e.g. one row per staff member, from complaints'
 * handler and interactions' staff), every cell a link to its records; a percentage cell shows its n.
 */
final class MetricTable extends Div {

    MetricTable(String id, List<MetricResult> results, Figures figures) {
        setId(id);
        getStyle().set("overflow-x", "auto");
        Set<Object> keys = new LinkedHashSet<>();
        for (MetricResult r : results) {
            r.groups().forEach(g -> keys.add(g.isEmpty() ? null : g.get(0)));
        }
        if (keys.isEmpty() || keys.size() == 1 && keys.contains(null) && results.stream()
                .allMatch(r -> r.metric().groupBy().isEmpty())) {
            keys.clear();
            keys.add(null);
        }
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("width", "100%").set("font-size",
                "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        head.appendChild(cell("th", ""));
        for (MetricResult r : results) {
            head.appendChild(cell("th", r.metric().label().in(figures.locale())));
        }
        table.appendChild(head);
        List<Object> rows = new ArrayList<>(keys);
        for (int row = 0; row < rows.size(); row++) {
            Object key = rows.get(row);
            Element tr = new Element("tr");
            MetricDefinition labelled = results.stream().filter(r -> !r.metric().groupBy().isEmpty()).findFirst()
                    .map(MetricResult::metric).orElse(results.get(0).metric());
            tr.appendChild(cell("th", labelled.groupBy().isEmpty() ? ""
                    : figures.group(labelled, labelled.groupBy().get(0), key)));
            for (int c = 0; c < results.size(); c++) {
                MetricResult r = results.get(c);
                MetricValue v = r.value(0, r.metric().groupBy().isEmpty() ? List.of()
                        : java.util.Collections.singletonList(key));
                Element td = cell("td", "");
                String text = figures.value(r.metric(), v);
                if (Objects.equals(r.metric().measure().function(), MetricDefinition.Function.RATIO)) {
                    text += " (" + figures.text("dashboards.n", v.n()) + ")";
                }
                td.appendChild(WidgetCard.link(id + "-" + row + "-" + c, text, r.metric(), v.drill()).getElement());
                tr.appendChild(td);
            }
            table.appendChild(tr);
        }
        getElement().appendChild(table);
    }

    private static Element cell(String tag, String text) {
        Element cell = new Element(tag);
        cell.setText(text);
        cell.getStyle().set("text-align", "th".equals(tag) ? "start" : "end")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("white-space", "nowrap");
        return cell;
    }
}
