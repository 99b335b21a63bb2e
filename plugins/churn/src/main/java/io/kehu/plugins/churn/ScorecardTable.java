package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scorecard as risk staff read it (分箱 / WOE / IV / 分数): base points, then per input and bin the customers,
 * their leaving rate, the weight of evidence and the points, each input headed by its information value. The card
 * has a few dozen rows, so the grid holds them in memory.
 */
final class ScorecardTable {

    /** One row of the table: an input's bin. */
    record Row(String input, String bin, int count, String rate, String woe, long points, String iv) {
    }

    private ScorecardTable() {
    }

    static Component of(Scorecard card, ReasonLabels names) {
        Labels labels = names.labels();
        Div box = new Div();
        box.setWidthFull();
        Paragraph base = new Paragraph(labels.text("card.base", Math.round(card.basePoints()),
                Math.round(Scorecard.BASE_SCORE), Math.round(Scorecard.PDO)));
        base.addClassName("churn-card-base");
        box.add(base);
        List<Row> rows = new ArrayList<>();
        for (Scorecard.Variable v : card.variables()) {
            String input = names.input(v.input());
            for (Scorecard.Bin b : v.bins()) {
                rows.add(new Row(input, bin(v, b, names), b.count(),
                        String.format(Locale.ROOT, "%.1f%%", b.count() == 0 ? 0 : 100.0 * b.left() / b.count()),
                        String.format(Locale.ROOT, "%+.2f", b.woe()), Math.round(b.points()),
                        String.format(Locale.ROOT, "%.3f", v.iv())));
            }
        }
        Grid<Row> grid = new Grid<>();
        grid.setId("churn-scorecard");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Row::input).setHeader(labels.text("card.col.input")).setFlexGrow(2);
        grid.addColumn(Row::iv).setHeader("IV");
        grid.addColumn(Row::bin).setHeader(labels.text("card.col.bin")).setFlexGrow(2);
        grid.addColumn(Row::count).setHeader(labels.text("card.col.count"));
        grid.addColumn(Row::rate).setHeader(labels.text("card.col.rate"));
        grid.addColumn(Row::woe).setHeader("WOE");
        grid.addColumn(Row::points).setHeader(labels.text("card.col.points"));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        box.add(grid);
        if (rows.isEmpty()) {
            box.add(new Paragraph(labels.text("card.empty")));
        }
        return box;
    }

    /** A bin in words: "≤ 30", "30 – 60", "> 60", a value's label, "other values", "unknown". */
    static String bin(Scorecard.Variable v, Scorecard.Bin b, ReasonLabels names) {
        Labels labels = names.labels();
        if (b.missing()) {
            return labels.text("card.bin.missing");
        }
        if (b.other()) {
            return labels.text("card.bin.other");
        }
        if (!v.numeric()) {
            return names.value(v.input(), b.value());
        }
        if (b.lower() == null && b.upper() == null) {
            return labels.text("card.bin.all");
        }
        if (b.lower() == null) {
            return "≤ " + number(b.upper());
        }
        if (b.upper() == null) {
            return "> " + number(b.lower());
        }
        return number(b.lower()) + " – " + number(b.upper());
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) d)
                : String.format(Locale.ROOT, "%,.2f", d);
    }
}
