package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ViewContribution;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The ledger report: members, points outstanding, entries and points per kind, and every entry newest first (paged
 * lazily). Totals come from the database (GROUP BY), read with the signed-in user's permissions.
 */
@Extension
public class LedgerView implements ViewContribution {

    static final String PATH = "ledger";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分流水", "Points ledger");
    }

    @Override
    public Component create(PluginContext context) {
        Texts t = new Texts(context);
        VerticalLayout page = new VerticalLayout();
        page.setId("loyalty-ledger");
        page.add(new H2(t.get("ledger.title")));
        AggregateRow accounts = context.recordsOfCurrentUser().aggregate(Ledger.ACCOUNT).count().sum("balance")
                .list().getFirst();
        Map<EntryKind, long[]> perKind = new EnumMap<>(EntryKind.class);
        context.recordsOfCurrentUser().aggregate(Ledger.ENTRY).groupBy("kind").count().sum("points")
                .forEach(row -> perKind.put(EntryKind.valueOf((String) row.group("kind")),
                        new long[] {row.count(), sum(row.sum("points"))}));
        if (perKind.isEmpty()) {
            Paragraph empty = new Paragraph(t.get("ledger.empty"));
            empty.setId("loyalty-ledger-empty");
            page.add(empty);
            return page;
        }
        UnorderedList totals = new UnorderedList();
        totals.setId("loyalty-ledger-totals");
        totals.add(new ListItem(t.get("ledger.members", t.points(accounts.count()))),
                new ListItem(t.get("ledger.outstanding", t.points(sum(accounts.sum("balance"))))));
        perKind.forEach((kind, v) -> totals.add(new ListItem(t.get("ledger.kind", t.option("kind", kind.name()),
                t.points(v[0]), t.points(v[1])))));
        page.add(totals);
        Grid<RecordData> grid = Statement.grid(context, t,
                () -> context.recordsOfCurrentUser().search(Ledger.ENTRY).sortBy("id", true), true);
        grid.setId("loyalty-ledger-grid");
        page.add(grid);
        return page;
    }

    private static long sum(BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }
}
