package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ViewContribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The churn-case analysis {@code apps/churn/cases} (流失客户分析): how many cases are in each state, the findings
 * tabulated — by what the customers were unhappy with, by responsible department, by whether they can be won back,
 * the competitors they went to — and the cases themselves, newest first, with their tracker. Counts come from the
 * database ({@code GROUP BY}), as the signed-in user may see the cases.
 */
@Extension
public class CasesView implements ViewContribution {

    static final String PATH = "cases";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("流失客户分析", "Churn cases");
    }

    /** One line of a findings table. */
    record Finding(String group, long count) {
    }

    /** One case and its customer's name. */
    record CaseRow(RecordData record, String customer) {
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Labels labels = new Labels(context, locale);
        VerticalLayout layout = new VerticalLayout();
        layout.setWidthFull();
        Map<String, Long> byStatus = counts(context, "status");
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Span summary = new Span(labels.text("cases.summary", total, byStatus.getOrDefault("open", 0L),
                byStatus.getOrDefault("improving", 0L), byStatus.getOrDefault("won_back", 0L),
                byStatus.getOrDefault("lost_for_good", 0L)));
        summary.setId("churn-cases-summary");
        layout.add(summary);
        ChurnActions.Counts actions = ChurnActions.counts(context);
        Span actionLine = new Span(actions.total() == 0 ? labels.text("actions.none")
                : labels.text("actions.summary", actions.total(), actions.open(), actions.late()));
        actionLine.setId("churn-actions-summary");
        layout.add(actionLine);
        if (total == 0) {
            Paragraph empty = new Paragraph(labels.text("cases.empty"));
            empty.setId("churn-cases-empty");
            layout.add(empty);
            return layout;
        }
        // cases opened per month (lost_on), the last 12 months that have any: how churn moves over time
        java.util.TreeMap<String, Long> perMonth = new java.util.TreeMap<>();
        context.recordsOfCurrentUser().aggregate(ChurnForms.CASE).groupBy("lost_on").count().forEach(row -> {
            Object day = row.group("lost_on");
            if (day != null) {
                perMonth.merge(day.toString().substring(0, 7), row.count(), Long::sum);
            }
        });
        if (!perMonth.isEmpty()) {
            List<String> months = new ArrayList<>(perMonth.keySet());
            months = months.subList(Math.max(0, months.size() - 12), months.size());
            List<Long> counts = months.stream().map(perMonth::get).toList();
            Div chart = new Div(context.components().chart(io.kehu.sdk.ui.ChartSpec.bar(labels.text("cases.per.month"),
                    months, labels.text("cases.col.count"), counts, List.of("#e55"))));
            chart.setId("churn-cases-per-month");
            chart.setWidthFull();
            chart.setMaxWidth("640px");
            layout.add(chart);
        }
        Div tables = new Div();
        tables.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        for (String field : List.of("dissatisfaction", "department", "recoverable", "competitor")) {
            List<Finding> findings = new ArrayList<>();
            counts(context, field).forEach((value, count) -> findings.add(new Finding(
                    "competitor".equals(field) ? (value == null || "null".equals(value) ? labels.text("cases.unknown")
                            : value) : labels.option(field, "null".equals(value) ? null : value), count)));
            findings.sort((a, b) -> Long.compare(b.count(), a.count()));
            // Pareto: largest first with the running share, so "the two causes behind 80 %" can be read off
            long all = findings.stream().mapToLong(Finding::count).sum();
            Map<Finding, String> cumulative = new java.util.IdentityHashMap<>();
            long running = 0;
            for (Finding f : findings) {
                running += f.count();
                cumulative.put(f, Math.round(100.0 * running / Math.max(1, all)) + "%");
            }
            Grid<Finding> grid = new Grid<>();
            grid.setId("churn-by-" + field);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(Finding::group).setHeader(labels.text("cases.col.group")).setFlexGrow(1);
            grid.addColumn(Finding::count).setHeader(labels.text("cases.col.count")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(cumulative::get).setHeader(labels.text("cases.col.cumulative")).setAutoWidth(true)
                    .setFlexGrow(0);
            grid.setItems(findings);
            grid.setAllRowsVisible(true);
            Div box = new Div(new H4(labels.text("cases.by." + field)), grid);
            if ("dissatisfaction".equals(field) && !findings.isEmpty()) {
                Div pareto = new Div(context.components().chart(io.kehu.sdk.ui.ChartSpec.bar(
                        labels.text("cases.pareto"), findings.stream().map(Finding::group).toList(),
                        labels.text("cases.col.count"), findings.stream().map(Finding::count).toList(),
                        List.of("#e55"))));
                pareto.setId("churn-pareto");
                pareto.setWidthFull();
                box.add(pareto);
            }
            box.setMinWidth("280px");
            box.getStyle().set("flex", "1 1 280px");
            tables.add(box);
        }
        layout.add(tables);
        Grid<CaseRow> cases = new Grid<>();
        cases.setId("churn-case-list");
        cases.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        cases.addColumn(CaseRow::customer).setHeader(labels.text("warnings.col.customer")).setAutoWidth(true);
        cases.addColumn(c -> labels.option("status", c.record().get("status"))).setHeader(
                context.messages().get("cases.col.group", locale)).setAutoWidth(true);
        cases.addColumn(c -> c.record().get("lost_on")).setAutoWidth(true);
        cases.addColumn(c -> labels.option("dissatisfaction", c.record().get("dissatisfaction"))).setAutoWidth(true);
        cases.addColumn(c -> labels.user(c.record().get("tracker"))).setAutoWidth(true);
        cases.setItems(query -> {
            List<RecordData> rows = context.recordsOfCurrentUser().search(ChurnForms.CASE).sortBy("id", true)
                    .offset(query.getOffset()).limit(Math.max(1, Math.min(200, query.getLimit()))).list();
            Map<Long, String> names = labels.customers(rows, "customer");
            return rows.stream().map(r -> new CaseRow(r, names.getOrDefault(((Number) r.get("customer")).longValue(),
                    "—")));
        });
        layout.add(export(context, labels, locale));
        layout.add(cases);
        return layout;
    }

    private static Component export(PluginContext context, Labels labels, Locale locale) {
        Component link = context.exports().downloadLink(() -> caseTable(context, labels, locale),
                io.kehu.sdk.export.PluginExports.Format.CSV, labels.text("cases.export"));
        link.setId("churn-cases-export");
        return link;
    }

    /**
     * Every case the reader may see, for export: the analysis fields under their form labels, options and users in
     * words (what goes to the departments); streamed in id order, customer names looked up per 500 cases.
     */
    static io.kehu.sdk.export.ExportTable<CaseRow> caseTable(PluginContext context, Labels labels, Locale locale) {
        List<String> optionFields = List.of("status", "dissatisfaction", "recoverable", "department");
        List<String> userFields = List.of("best_person", "tracker");
        io.kehu.sdk.forms.FormInfo form = context.definitions().form(ChurnForms.CASE).orElseThrow();
        boolean chinese = "zh".equals(locale.getLanguage());
        List<io.kehu.sdk.export.ExportColumn<CaseRow>> columns = new ArrayList<>();
        columns.add(io.kehu.sdk.export.ExportColumn.of(labels.text("warnings.col.customer"), CaseRow::customer));
        for (String id : List.of("status", "lost_on", "competitor", "attraction", "gap", "dissatisfaction",
                "recoverable", "best_person", "improvement", "department", "tracker", "due_on", "result",
                "last_score", "last_reasons")) {
            String header = form.field(id).map(f -> chinese ? f.label().zh() : f.label().en()).orElse(id);
            columns.add(io.kehu.sdk.export.ExportColumn.of(header, r -> optionFields.contains(id)
                    ? labels.option(id, r.record().get(id))
                    : userFields.contains(id) ? (r.record().get(id) == null ? null : labels.user(r.record().get(id)))
                    : r.record().get(id)));
        }
        return new io.kehu.sdk.export.ExportTable<>("churn-cases", columns, each -> {
            List<RecordData> page = new ArrayList<>();
            Runnable flush = () -> {
                Map<Long, String> names = labels.customers(page, "customer");
                page.forEach(r -> each.accept(new CaseRow(r, names.getOrDefault(
                        ((Number) r.get("customer")).longValue(), "—"))));
                page.clear();
            };
            context.recordsOfCurrentUser().search(ChurnForms.CASE).forEach(r -> {
                page.add(r);
                if (page.size() == 500) {
                    flush.run();
                }
            });
            flush.run();
        });
    }

    private static Map<String, Long> counts(PluginContext context, String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        context.recordsOfCurrentUser().aggregate(ChurnForms.CASE).groupBy(field).count()
                .forEach(row -> counts.merge(String.valueOf(row.group(field)), row.count(), Long::sum));
        return counts;
    }
}
