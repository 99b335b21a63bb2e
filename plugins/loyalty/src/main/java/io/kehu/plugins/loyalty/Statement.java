package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A lazily paged grid of ledger entries with formatted values: dates in the user's style, kinds and rules in words,
 * points with grouping and a sign, customers by name. Each page is one {@code offset/limit} query (no count).
 */
final class Statement {

    private static final int PAGE_MAX = 1000;

    private Statement() {
    }

    static Grid<RecordData> grid(PluginContext context, Texts t, Supplier<RecordSearch> search, boolean withCustomer) {
        Grid<RecordData> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> t.date((LocalDate) e.get("occurred_on"))).setHeader(t.get("col.date")).setAutoWidth(true);
        if (withCustomer) {
            Map<Long, String> names = new HashMap<>();
            grid.addColumn(e -> names.computeIfAbsent(Ledger.number(e.get("customer")),
                    id -> context.recordsOfCurrentUser().get(Awards.CUSTOMER, id)
                            .map(c -> String.valueOf(c.get("name"))).orElse(t.get("col.hidden"))))
                    .setHeader(t.get("col.customer")).setAutoWidth(true);
        }
        Map<String, String> events = new HashMap<>();
        new Awards(context, new Ledger(context)).programme().eventRules()
                .forEach(r -> events.put("event-" + r.id(), t.chinese() ? r.zh() : r.en()));
        grid.addColumn(e -> t.option("kind", String.valueOf(e.get("kind"))) + describe(t, e, events))
                .setHeader(t.get("col.kind")).setFlexGrow(2);
        grid.addColumn(e -> signed(t, Ledger.number(e.get("points")))).setHeader(t.get("col.points"))
                .setAutoWidth(true);
        grid.addColumn(e -> t.points(Ledger.number(e.get("balance_after")))).setHeader(t.get("col.balance"))
                .setAutoWidth(true);
        grid.addColumn(e -> t.date((LocalDate) e.get("expires_on"))).setHeader(t.get("col.expires"))
                .setAutoWidth(true);
        // the platform serves at most 1,000 rows a query; the grid asks for a page (about 50) at a time anyway
        grid.setItems(query -> search.get().limit(Math.max(1, Math.min(query.getLimit(), PAGE_MAX)))
                .offset(query.getOffset()).list().stream());
        grid.setWidthFull();
        return grid;
    }

    /** The rule or the reason, in words: "获得 · 生日月加倍", "冲正 · 退货". */
    private static String describe(Texts t, RecordData e, Map<String, String> events) {
        Object summary = e.get("summary");
        if (summary != null && !summary.toString().isBlank()) {
            return " · " + summary;
        }
        Object reason = e.get("reason");
        if (reason != null && !reason.toString().isBlank()) {
            return " · " + reason;
        }
        String rule = String.valueOf(e.get("rule"));
        if (rule.startsWith("event-")) {
            String label = events.get(rule);
            return " · " + (label == null || label.isBlank() ? t.get("rule.event") : label);
        }
        String key = "rule." + (rule.startsWith("reverse") ? "reverse" : rule);
        String text = t.get(key);
        return text.equals("!" + key + "!") ? "" : " · " + text;
    }

    private static String signed(Texts t, long points) {
        return points > 0 ? "+" + t.points(points) : t.points(points);
    }
}
