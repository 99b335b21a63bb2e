package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.ValueErrors.invalid;
import static io.kehu.platform.records.values.ValueErrors.notANumber;
import static io.kehu.platform.records.values.ValueErrors.outOfRange;
import static io.kehu.platform.records.values.ValueErrors.ratingError;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.values.ValueErrors.ValueProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Integers, decimals, percentages, money and ratings, from typed values or text such as {@code "1,234.50"} or {@code "¥ 12.5"}. */
public final class NumberValues {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MONEY_TEXT = Pattern.compile(
            "(?i)^\\s*(?:([A-Z]{3})\\s*)?([¥￥])?\\s*([-+]?[\\d,，_ .]+)\\s*([A-Z]{3})?\\s*$");
    private static final int RATING_MIN = 1;
    private static final int RATING_MAX = 5;

    private NumberValues() {
    }

    public static Long integer(FieldDefinition field, Object raw) {
        BigDecimal d = decimal(field, raw).stripTrailingZeros();
        if (d.scale() > 0) {
            throw invalid(field, "not_integer", "“%s”应为整数", "“%s” must be a whole number");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(field);
        }
    }

    public static BigDecimal decimal(FieldDefinition field, Object raw) {
        switch (raw) {
            case BigDecimal d -> {
                return d;
            }
            case BigInteger i -> {
                return new BigDecimal(i);
            }
            case Long l -> {
                return BigDecimal.valueOf(l);
            }
            case Integer i -> {
                return BigDecimal.valueOf(i);
            }
            case Short s -> {
                return BigDecimal.valueOf(s);
            }
            case Byte b -> {
                return BigDecimal.valueOf(b);
            }
            case Double d when Double.isFinite(d) -> {
                return new BigDecimal(d.toString());
            }
            case Float f when Float.isFinite(f) -> {
                return new BigDecimal(f.toString());
            }
            case CharSequence s -> {
                String cleaned = s.toString().strip().replaceAll("[,，_\\s]", "");
                try {
                    return new BigDecimal(cleaned);
                } catch (NumberFormatException e) {
                    throw notANumber(field);
                }
            }
            default -> throw notANumber(field);
        }
    }

    /** Refuses more digits after the point than the column keeps, instead of rounding data silently. */
    public static BigDecimal scaled(FieldDefinition field, BigDecimal value, int scale, int precision) {
        if (value.stripTrailingZeros().scale() > scale) {
            throw invalid(field, "scale", "“%s”最多保留 " + scale + " 位小数",
                    "“%s” allows at most " + scale + " digits after the decimal point");
        }
        BigDecimal result = value.setScale(scale);
        if (result.precision() - result.scale() > precision - scale) {
            throw outOfRange(field);
        }
        return result;
    }

    public static Money money(FieldDefinition field, Object raw) {
        String fallbackCurrency = field.currency() == null ? FormTables.DEFAULT_CURRENCY : field.currency();
        BigDecimal amount;
        String currency;
        if (raw instanceof Money m) {
            amount = m.amount();
            currency = m.currency();
        } else if (raw instanceof Map<?, ?> map) {
            amount = decimal(field, map.get("amount") == null ? "" : map.get("amount"));
            currency = map.get("currency") == null ? fallbackCurrency : map.get("currency").toString();
        } else if (raw instanceof CharSequence s) {
            Matcher m = MONEY_TEXT.matcher(s);
            if (!m.matches() || m.group(1) != null && m.group(4) != null) {
                throw notANumber(field);
            }
            amount = decimal(field, m.group(3));
            currency = m.group(1) != null ? m.group(1) : m.group(4) != null ? m.group(4)
                    : m.group(2) != null ? "CNY" : fallbackCurrency;
        } else {
            amount = decimal(field, raw);
            currency = fallbackCurrency;
        }
        currency = currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw invalid(field, "currency", "“%s”的币种应为三个字母的代码，例如 CNY",
                    "“%s” needs a three-letter currency code such as CNY");
        }
        return new Money(scaled(field, amount, 2, 19), currency);
    }

    public static Integer rating(FieldDefinition field, Object raw) {
        BigDecimal d;
        try {
            d = decimal(field, raw).stripTrailingZeros();
        } catch (ValueProblem e) {
            throw ratingError(field);
        }
        if (d.scale() > 0 || d.compareTo(BigDecimal.valueOf(RATING_MIN)) < 0
                || d.compareTo(BigDecimal.valueOf(RATING_MAX)) > 0) {
            throw ratingError(field);
        }
        return d.intValueExact();
    }

    public static Long id(FieldDefinition field, Object raw) {
        try {
            Long id = integer(field, raw);
            if (id > 0) {
                return id;
            }
        } catch (ValueProblem e) {
            // reported below with the message of this type
        }
        throw invalid(field, "not_an_id", "“%s”应为记录或用户的编号", "“%s” must be the id of a record or user");
    }

    public static Object stripSuffix(Object raw, String... suffixes) {
        if (raw instanceof CharSequence s) {
            String text = s.toString().strip();
            for (String suffix : suffixes) {
                if (text.endsWith(suffix)) {
                    return text.substring(0, text.length() - suffix.length());
                }
            }
        }
        return raw;
    }

    public static BigDecimal asDecimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            default -> null;
        };
    }
}
