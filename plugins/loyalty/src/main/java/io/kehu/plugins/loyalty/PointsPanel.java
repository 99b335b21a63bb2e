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
        Ledger.Balance balance = context.recordsOfCurrentUser().search(Ledger.ACCOUNT)
                .where("customer", FilterOperator.EQUALS, recordId).limit(1).list().stream().findFirst()
                .map(Ledger::balanceOf).orElse(new Ledger.Balance(0, 0, 0, 0, 0));
        List<RecordData> entries = new ArrayList<>();
        context.recordsOfCurrentUser().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, recordId)
                .fields("points", "expires_on").forEach(entries::add);
        LocalDate today = LocalDate.now();
        LocalDate until = today.plusDays(new Awards(context, new Ledger(context)).programme().noticeDays());
        long soon = Lots.expiringBetween(Lots.of(entries), today, until);

        Div figures = new Div();
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        figures.add(figure("loyalty-balance", t.get("panel.balance"), t.points(balance.available())),
                figure("loyalty-pending", t.get("panel.pending"), t.points(balance.pending())),
                figure("loyalty-expiring", t.get("panel.expiring", t.date(until)), t.points(soon)));
        panel.add(figures);
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
