package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import java.util.List;
import java.util.Optional;

/** Finds a customer by name or phone (as the signed-in user may see them) and shows their points; phone-sized. */
final class CustomerPicker extends FlexLayout {

    private final PluginContext context;
    private final Texts t;
    private final TextField query = new TextField();
    private final Select<RecordData> customers = new Select<>();
    private final Span balance = new Span();

    CustomerPicker(PluginContext context, Texts t) {
        this.context = context;
        this.t = t;
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
        query.setLabel(t.get("counter.find"));
        query.setId("loyalty-find");
        Button find = new Button(t.get("counter.search"), e -> search());
        find.setId("loyalty-find-button");
        customers.setLabel(t.get("col.customer"));
        customers.setId("loyalty-customer");
        customers.setItemLabelGenerator(c -> String.valueOf(c.get("name")));
        customers.addValueChangeListener(e -> refresh());
        balance.setId("loyalty-counter-balance");
        add(query, find, customers, balance);
    }

    void search() {
        String text = query.getValue() == null ? "" : query.getValue().strip();
        List<RecordData> found = text.isEmpty() ? List.of()
                : context.recordsOfCurrentUser().search(Awards.CUSTOMER).text(text).limit(20).list();
        customers.setItems(found);
        if (found.isEmpty()) {
            balance.setText(t.get("counter.none"));
        } else {
            customers.setValue(found.getFirst());
        }
    }

    Optional<Long> selected() {
        return Optional.ofNullable(customers.getValue()).map(RecordData::id);
    }

    void refresh() {
        balance.setText(selected().map(id -> t.get("counter.balance",
                t.points(new Ledger(context).balance(id).available()))).orElse(""));
    }
}
