package io.kehu.platform.records;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money with its currency, the value of a money field. Kept together so that 100 CNY is never read as
 * 100 USD.
 *
 * @param amount the amount, at most 2 digits after the point
 * @param currency the ISO 4217 code, three upper-case letters, e.g. {@code CNY}
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** Equal when amount and currency are the same, whatever the scale ({@code 12.5} equals {@code 12.50}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.compareTo(m.amount) == 0 && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** The audit and export form, e.g. {@code 12.50 CNY}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
