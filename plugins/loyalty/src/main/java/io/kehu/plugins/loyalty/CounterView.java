package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The counter screen for staff on a phone or at the till: find the customer, pick a reward, redeem. One request id
 * per choice, so a double tap or a retried request redeems once; out of stock or too few points writes nothing.
 */
@Extension
public class CounterView implements ViewContribution {

    static final String PATH = "counter";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分兑换", "Redeem points");
    }

    @Override
    public Component create(PluginContext context) {
        Texts t = new Texts(context);
        VerticalLayout page = new VerticalLayout();
        page.setId("loyalty-counter");
        page.setMaxWidth("40rem");
        CustomerPicker picker = new CustomerPicker(context, t);
        Select<RecordData> rewards = new Select<>();
        rewards.setLabel(t.get("counter.reward"));
        rewards.setId("loyalty-reward");
        rewards.setItemLabelGenerator(r -> t.get("counter.rewardLabel", r.get("name"),
                t.points(Ledger.number(r.get("price"))), t.points(Ledger.number(r.get("stock")))));
        rewards.setItems(context.recordsOfCurrentUser().search(Redemptions.REWARD)
                .where("active", FilterOperator.EQUALS, true).where("stock", FilterOperator.GREATER, 0L)
                .sortBy("price", false).limit(200).list());
        rewards.setWidthFull();
        Span status = new Span();
        status.setId("loyalty-counter-status");
        String[] request = {UUID.randomUUID().toString()};
        rewards.addValueChangeListener(e -> request[0] = UUID.randomUUID().toString());
        Button redeem = new Button(t.get("counter.redeem"), e -> {
            if (picker.selected().isEmpty() || rewards.getValue() == null) {
                status.setText(t.get("counter.choose"));
                return;
            }
            PostResult result = new Redemptions(context, new Ledger(context)).reward(picker.selected().get(),
                    rewards.getValue().id(), request[0], LocalDate.now());
            status.setText(switch (result.status()) {
                case POSTED -> t.get("counter.done", t.points(result.balance()));
                case ALREADY_POSTED -> t.get("counter.already");
                case INSUFFICIENT -> t.get("counter.short", t.points(result.balance()));
                case UNAVAILABLE, CAPPED -> t.get("counter.unavailable");
            });
            request[0] = UUID.randomUUID().toString();
            picker.refresh();
        });
        redeem.setId("loyalty-redeem");
        redeem.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        redeem.setWidthFull();
        page.add(new H2(t.get("counter.title")), picker, rewards, redeem, status);
        return page;
    }
}
