package io.kehu.sdk.records;

import java.math.BigDecimal;

/**
 * The value of a money field.
 *
 * @param amount the amount
 * @param currency ISO 4217 code, e.g. {@code CNY}
 */
public record MoneyValue(BigDecimal amount, String currency) {
}
