package io.kehu.platform.views;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.kehu.platform.records.Money;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An amount with its currency, edited together so that 100 CNY never turns into 100 USD by accident. Offers the
 * field's default currency first, then the currencies Kehu's users trade in most.
 */
final class MoneyField extends CustomField<Money> {

    private static final List<String> COMMON = List.of("CNY", "USD", "EUR", "HKD", "JPY", "GBP");

    private final BigDecimalField amount = new BigDecimalField();
    private final Select<String> currency = new Select<>();

    MoneyField(String defaultCurrency) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(defaultCurrency);
        codes.addAll(COMMON);
        currency.setItems(codes);
        currency.setValue(defaultCurrency);
        currency.setWidth("7em");
        amount.setWidthFull();
        HorizontalLayout row = new HorizontalLayout(amount, currency);
        row.setPadding(false);
        row.setWidthFull();
        add(row);
    }

    @Override
    protected Money generateModelValue() {
        return amount.getValue() == null ? null : new Money(amount.getValue(), currency.getValue());
    }

    @Override
    protected void setPresentationValue(Money value) {
        amount.setValue(value == null ? null : value.amount());
        if (value != null) {
            currency.setValue(value.currency());
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        amount.setReadOnly(readOnly);
        currency.setReadOnly(readOnly);
    }

    BigDecimalField amount() {
        return amount;
    }
}
