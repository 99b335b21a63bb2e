package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Finance's view of the points: one row per month (newest first) with the points earned, redeemed, expired, reversed
 * and adjusted, the points outstanding at its end, their value and the active members — the {@code loyalty_month}
 * rows the nightly job writes ({@link Liability}; a closed month as first reported). Read with the signed-in user's
 * permissions (the form lets managers and admins read it).
 */
@Extension
public class LiabilityView implements ViewContribution {

    static final String PATH = "liability";
    /** Eight years of months: more than the report is ever asked for on one screen. */
    private static final int MONTHS = 96;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分负债", "Points liability");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN", "MANAGER");
    }

    @Override
    public Component create(PluginContext context) {
        Texts t = new Texts(context);
        List<RecordData> months = context.recordsOfCurrentUser().search(Liability.MONTH).sortBy("month", true)
                .limit(MONTHS).list();
        return content(t, months);
    }

    /** The page for {@code months} (newest first). */
    static VerticalLayout content(Texts t, List<RecordData> months) {
        VerticalLayout page = new VerticalLayout();
        page.setId("loyalty-liability");
        page.add(new H2(t.get("liability.title")), new Span(t.get("liability.help")));
        if (months.isEmpty()) {
            Paragraph empty = new Paragraph(t.get("liability.empty"));
            empty.setId("loyalty-liability-empty");
            page.add(empty);
            return page;
        }
        Span count = new Span(t.get("liability.count", t.points(months.size())));
        count.setId("loyalty-liability-count");
        Grid<RecordData> grid = new Grid<>();
        grid.setId("loyalty-liability-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> Boolean.TRUE.equals(m.get("closed")) ? t.month((LocalDate) m.get("month"))
                : t.get("liability.open", t.month((LocalDate) m.get("month")))).setHeader(t.get("liability.month"))
                .setAutoWidth(true);
        column(grid, t, "earned", "liability.earned");
        column(grid, t, "redeemed", "liability.redeemed");
        column(grid, t, "expired", "liability.expired");
        column(grid, t, "reversed", "liability.reversed");
        grid.addColumn(m -> t.signed(Ledger.number(m.get("adjusted")))).setHeader(t.get("liability.adjusted"))
                .setAutoWidth(true);
        column(grid, t, "outstanding", "liability.outstanding");
        grid.addColumn(m -> m.get("liability") instanceof MoneyValue v ? t.money(v.amount()) : t.money(null))
                .setHeader(t.get("liability.value")).setAutoWidth(true);
        column(grid, t, "members", "liability.members");
        grid.setItems(months);
        grid.setAllRowsVisible(months.size() <= 24);
        grid.setWidthFull();
        page.add(count, grid);
        return page;
    }

    private static void column(Grid<RecordData> grid, Texts t, String field, String header) {
        grid.addColumn(m -> t.points(Ledger.number(m.get(field)))).setHeader(t.get(header)).setAutoWidth(true);
    }
}
