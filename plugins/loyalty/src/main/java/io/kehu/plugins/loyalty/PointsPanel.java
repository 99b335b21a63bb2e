package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.RecordPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The customer's 积分 tab: balance, pending, points expiring soon and the statement (the ledger, newest first,
 * loaded page by page). Read with the signed-in user's permissions. The figures wrap under each other on a phone.
 */
@Extension
public class PointsPanel implements RecordPanel {

    @Override
    public String formId() {
        return Awards.CUSTOMER;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分", "Points");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Texts t = new Texts(context);
        Div panel = new Div();
        panel.setId("loyalty-panel");
        panel.setWidthFull();
        if (context.recordsOfCurrentUser().get(Awards.CUSTOMER, recordId).isEmpty()) {
            panel.add(new Paragraph(t.get("panel.hidden")));
            return panel;
        }
        java.util.Optional<RecordData> account = context.recordsOfCurrentUser().search(Ledger.ACCOUNT)
                .where("customer", FilterOperator.EQUALS, recordId).limit(1).list().stream().findFirst();
        Ledger.Balance balance = account.map(Ledger::balanceOf).orElse(new Ledger.Balance(0, 0, 0, 0, 0, 0));
        Programme programme = new Awards(context, new Ledger(context)).programme();
        List<RecordData> entries = new ArrayList<>();
        context.recordsOfCurrentUser().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, recordId)
                .fields("points", "expires_on").forEach(entries::add);
        LocalDate today = LocalDate.now();
        LocalDate until = today.plusDays(programme.noticeDays());
        long soon = Lots.expiringBetween(Lots.of(entries), today, until);

        Div figures = new Div();
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        figures.add(figure("loyalty-balance", t.get("panel.balance"), t.points(balance.available())),
                figure("loyalty-pending", t.get("panel.pending"), t.points(balance.pending())),
                figure("loyalty-expiring", t.get("panel.expiring", t.date(until)), t.points(soon)));
        if (balance.owed() > 0) {
            figures.add(figure("loyalty-owed", t.get("panel.owed"), t.points(balance.owed())));
        }
        panel.add(figures);
        if (!programme.levels().isEmpty()) {
            panel.add(level(context, t, programme, account.orElse(null), recordId));
        }
        if (entries.isEmpty()) {
            Paragraph empty = new Paragraph(t.get("panel.empty"));
            empty.setId("loyalty-empty");
            panel.add(empty);
            return panel;
        }
        Grid<RecordData> statement = Statement.grid(context, t, () -> context.recordsOfCurrentUser()
                .search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, recordId).sortBy("id", true), false);
        statement.setId("loyalty-statement");
        statement.setHeight("24rem");
        panel.add(statement);
        return panel;
    }

    /** The programme level, its points and its history (newest first, at most 10 changes). */
    private static Div level(PluginContext context, Texts t, Programme programme, RecordData account,
                             long customer) {
        boolean zh = t.chinese();
        String code = account == null ? null : (String) account.get("level");
        long points = account == null ? 0 : Ledger.number(account.get("level_points"));
        Div box = new Div();
        box.setId("loyalty-level");
        Span now = new Span(code == null ? t.get("level.none")
                : t.get("level.now", Levels.name(programme, code, zh), programme.levelMonths(), t.points(points)));
        now.getStyle().set("font-weight", "600").set("display", "block");
        box.add(now);
        List<RecordData> changes = context.recordsOfCurrentUser().search(Levels.CHANGE)
                .where("customer", FilterOperator.EQUALS, customer).sortBy("id", true).limit(10).list();
        for (RecordData c : changes) {
            String from = (String) c.get("from_level");
            String key = from == null ? "level.first" : "UP".equals(c.get("direction")) ? "level.up" : "level.down";
            Paragraph line = new Paragraph(t.get(key,
                    t.date((LocalDate) c.get("changed_on")),
                    from == null ? t.get("level.none") : Levels.name(programme, from, zh),
                    Levels.name(programme, String.valueOf(c.get("to_level")), zh),
                    t.points(Ledger.number(c.get("level_points")))));
            line.addClassName("loyalty-level-change");
            line.getStyle().set("margin", "var(--lumo-space-xs) 0");
            box.add(line);
        }
        return box;
    }

    private static Div figure(String id, String label, String value) {
        Div box = new Div();
        box.setId(id);
        box.getStyle().set("min-width", "9rem").set("flex", "1 1 9rem");
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
                .set("display", "block");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        box.add(number, caption);
        return box;
    }
}
