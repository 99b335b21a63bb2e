package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ListFilter;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The churn-case analysis {@code apps/churn/cases} (流失客户分析): how many cases are in each state, the findings
 * tabulated — by what the customers were unhappy with, by responsible department, by whether they can be won back,
 * the competitors they went to —, churn and retention rate by tier, region and account manager, and the cases
 * themselves, newest first, with their tracker. Counts come from the database ({@code GROUP BY}), as the signed-in
 * user may see the cases; every count and bar opens the list of exactly the cases (or customers) behind it.
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

    /** One line of a findings table and the list-view filters behind its count (null: no link). */
    record Finding(String group, long count, List<ListFilter> drill) {
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
        H2 heading = new H2(labels.text("cases.title"));
        heading.setId("churn-cases-title");
        layout.add(heading);
        Map<String, Long> byStatus = counts(context, "status");
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        layout.add(summary(context, labels, byStatus, total));
        layout.add(actionSummary(context, labels));
        layout.add(rates(context, labels, locale));
        layout.add(PeriodRatesPanel.create(context, labels, locale));
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
            List<List<ListFilter>> drills = months.stream()
                    .map(m -> Drill.month("lost_on", LocalDate.parse(m + "-01"))).toList();
            Div chart = new Div(context.components().drillChart(io.kehu.sdk.ui.ChartSpec.bar(
                    labels.text("cases.per.month"), months, labels.text("cases.col.count"), counts, List.of("#e55")),
                    ChurnForms.CASE, drills));
            chart.setId("churn-cases-per-month");
            chart.setWidthFull();
            chart.setMaxWidth("640px");
            layout.add(chart);
        }
        Div tables = new Div();
        tables.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        for (String field : List.of("dissatisfaction", "department", "recoverable", "competitor")) {
            List<Finding> findings = findings(context, labels, field);
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
            grid.addColumn(Finding::group).setHeader(labels.text("cases.col.group")).setFlexGrow(1).setKey("group");
            grid.addComponentColumn(f -> f.drill() == null ? new Span(String.valueOf(f.count()))
                    : context.components().listLink(ChurnForms.CASE, f.drill(), String.valueOf(f.count())))
                    .setHeader(labels.text("cases.col.count")).setAutoWidth(true).setFlexGrow(0).setKey("count");
            grid.addColumn(cumulative::get).setHeader(labels.text("cases.col.cumulative")).setAutoWidth(true)
                    .setFlexGrow(0).setKey("cumulative");
            grid.setItems(findings);
            grid.setAllRowsVisible(true);
            Div box = new Div(new H4(labels.text("cases.by." + field)), grid);
            if ("dissatisfaction".equals(field) && !findings.isEmpty()) {
                Div pareto = new Div(context.components().drillChart(io.kehu.sdk.ui.ChartSpec.bar(
                        labels.text("cases.pareto"), findings.stream().map(Finding::group).toList(),
                        labels.text("cases.col.count"), findings.stream().map(Finding::count).toList(),
                        List.of("#e55")), ChurnForms.CASE, findings.stream().map(Finding::drill).toList()));
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

    /** "共 N 个流失分析案例：待分析 n，…", every number opening its cases. */
    private static Component summary(PluginContext context, Labels labels, Map<String, Long> byStatus, long total) {
        List<Component> links = new ArrayList<>();
        links.add(link(context, "churn-cases-all", List.of(), String.valueOf(total)));
        for (String state : List.of("open", "improving", "won_back", "lost_for_good")) {
            links.add(link(context, "churn-cases-" + state, Drill.group("status", state),
                    String.valueOf(byStatus.getOrDefault(state, 0L))));
        }
        Div summary = withLinks(context, labels, "cases.summary", links);
        summary.setId("churn-cases-summary");
        return summary;
    }

    /** "改进措施 N 项：未完成 n 项，其中逾期 n 项", each number opening those actions. */
    private static Component actionSummary(PluginContext context, Labels labels) {
        ChurnActions.Counts actions = ChurnActions.counts(context);
        if (actions.total() == 0) {
            Div none = new Div();
            none.setText(labels.text("actions.none"));
            none.setId("churn-actions-summary");
            return none;
        }
        List<ListFilter> open = Drill.group("status", "open");
        List<ListFilter> late = Drill.and(open, ListFilter.of("due_on", FilterOperator.LESS_OR_EQUAL,
                LocalDate.now().minusDays(1)));
        Div line = withLinks(context, labels, "actions.summary", List.of(
                actionLink(context, "churn-actions-all", List.of(), actions.total()),
                actionLink(context, "churn-actions-open", open, actions.open()),
                actionLink(context, "churn-actions-late", late, actions.late())));
        line.setId("churn-actions-summary");
        return line;
    }

    /**
     * The message {@code key} with its arguments {0}, {1}, … replaced by {@code links}: the sentence stays one
     * translatable text while each number in it is a link.
     */
    private static Div withLinks(PluginContext context, Labels labels, String key, List<Component> links) {
        Object[] markers = new Object[links.size()];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = "\u0000" + i + "\u0000";
        }
        String[] parts = labels.text(key, markers).split("\u0000", -1);
        Div line = new Div();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                if (!parts[i].isEmpty()) {
                    line.add(new Span(parts[i]));
                }
            } else {
                line.add(links.get(Integer.parseInt(parts[i])));
            }
        }
        return line;
    }

    private static Component actionLink(PluginContext context, String id, List<ListFilter> filters, long count) {
        Component link = context.components().listLink(ChurnActions.FORM, filters, String.valueOf(count));
        link.setId(id);
        return link;
    }

    private static Component link(PluginContext context, String id, List<ListFilter> filters, String text) {
        Component link = context.components().listLink(ChurnForms.CASE, filters, text);
        link.setId(id);
        return link;
    }

    /**
     * Churn and retention rate by tier, region and account manager: per group its customers (n, opening them), the
     * lost ones (opening them) and both rates, or "too few" under {@link RetentionRates#MINIMUM_N}.
     */
    private static Component rates(PluginContext context, Labels labels, Locale locale) {
        RetentionRates rates = new RetentionRates(new ChurnSettings(context).label());
        Div box = new Div();
        box.setId("churn-rates");
        box.setWidthFull();
        box.add(new H4(labels.text("rates.title")));
        List<RetentionRates.Dimension> dimensions = rates.compute(context);
        if (dimensions.isEmpty()) {
            box.add(new Paragraph(labels.text("rates.none")));
            return box;
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        Div tables = new Div();
        tables.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        for (RetentionRates.Dimension dimension : dimensions) {
            String field = dimension.field().id();
            Grid<RetentionRates.Row> grid = new Grid<>();
            grid.setId("churn-rates-" + field);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(r -> r.value() == null ? labels.text("cases.unknown")
                    : "user".equals(dimension.field().type()) ? labels.user(r.value())
                    : chinese ? dimension.field().optionLabel(r.value().toString()).zh()
                    : dimension.field().optionLabel(r.value().toString()).en())
                    .setHeader(chinese ? dimension.field().label().zh() : dimension.field().label().en())
                    .setFlexGrow(1).setKey("group");
            grid.addComponentColumn(r -> context.components().listLink(FeatureExtractor.CUSTOMER,
                    rates.customers(field, r.value()), String.valueOf(r.customers())))
                    .setHeader(labels.text("rates.col.customers")).setAutoWidth(true).setFlexGrow(0).setKey("n");
            grid.addComponentColumn(r -> context.components().listLink(FeatureExtractor.CUSTOMER,
                    rates.lost(field, r.value()), String.valueOf(r.lost())))
                    .setHeader(labels.text("rates.col.lost")).setAutoWidth(true).setFlexGrow(0).setKey("lost");
            grid.addColumn(r -> r.enough() ? percent.format(r.churnRate()) : labels.text("rates.too.few",
                    RetentionRates.MINIMUM_N)).setHeader(labels.text("rates.col.churn")).setAutoWidth(true)
                    .setFlexGrow(0).setKey("churn");
            grid.addColumn(r -> r.enough() ? percent.format(1 - r.churnRate()) : labels.text("rates.too.few",
                    RetentionRates.MINIMUM_N)).setHeader(labels.text("rates.col.retention")).setAutoWidth(true)
                    .setFlexGrow(0).setKey("retention");
            grid.setItems(dimension.rows());
            grid.setAllRowsVisible(true);
            Div one = new Div(new H4(labels.text("rates.by", chinese ? dimension.field().label().zh()
                    : dimension.field().label().en())), grid);
            one.setMinWidth("300px");
            one.getStyle().set("flex", "1 1 300px");
            tables.add(one);
        }
        box.add(tables);
        return box;
    }

    /**
     * The cases grouped by {@code field}, largest first, each with the filters behind its count. A competitor is
     * typed text: the list can only filter it by "contains", so a name inside another name (“美的” in “美的集团”) would
     * list both — such a row's count is shown without a link rather than opening a different number.
     */
    static List<Finding> findings(PluginContext context, Labels labels, String field) {
        Map<String, Long> counts = counts(context, field);
        List<Finding> findings = new ArrayList<>();
        boolean text = "competitor".equals(field);
        counts.forEach((value, count) -> {
            String v = "null".equals(value) ? null : value;
            List<ListFilter> drill;
            if (!text || v == null) {
                drill = Drill.group(field, v);
            } else {
                String lower = v.toLowerCase(Locale.ROOT);
                boolean inside = counts.keySet().stream().anyMatch(o -> !o.equals(v) && !"null".equals(o)
                        && o.toLowerCase(Locale.ROOT).contains(lower));
                drill = inside ? null : List.of(ListFilter.of(field, FilterOperator.CONTAINS, v));
            }
            findings.add(new Finding(text ? (v == null ? labels.text("cases.unknown") : v) : labels.option(field, v),
                    count, drill));
        });
        findings.sort((a, b) -> Long.compare(b.count(), a.count()));
        return findings;
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
