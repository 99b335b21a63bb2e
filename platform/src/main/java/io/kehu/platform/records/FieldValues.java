package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.TextSanitizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns what the UI, an import file or the API hands in (typed values or strings such as {@code "12.5"},
 * {@code "2026-11-23"}, {@code "是"}) into the typed value of a field, and checks it against the field's definition
 * (required, min/max, length, pattern, options, e-mail, phone, url, rating, currency). Pure Java, no database: the
 * record store, import previews and form views share it so a value is judged the same everywhere.
 *
 * <p>Typed values are those listed in {@link RecordValues}. Blank text counts as empty ({@code null}); date-times are
 * kept in UTC with microsecond precision, as both databases store them.
 */
public final class FieldValues {

    /** Mainland China mobile numbers: 11 digits starting 13-19. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Mainland China landlines: area code 0xx or 0xxx, then 7 or 8 digits. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    /** International numbers, E.164-like: + country code and up to 15 digits in all. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** What a phone number may contain besides digits and a leading +, for readability. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MONEY_TEXT = Pattern.compile(
            "(?i)^\\s*(?:([A-Z]{3})\\s*)?([¥￥])?\\s*([-+]?[\\d,，_ .]+)\\s*([A-Z]{3})?\\s*$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，;；|、\\n]");
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "1", "on", "是", "对", "真", "有");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "0", "off", "否", "错", "假", "无");
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final int RATING_MIN = 1;
    private static final int RATING_MAX = 5;

    private final ZoneId zone;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param zone the time zone of date-times given without an offset (e.g. {@code 2026-11-23 09:30} from a
     *             spreadsheet)
     */
    public FieldValues(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The outcome of converting one value: the typed value, or why it could not be converted.
     *
     * @param value the typed value ({@code null} for empty, or when conversion failed)
     * @param error the problem, or {@code null}
     */
    public record Converted(Object value, FieldError error) {

        public boolean ok() {
            return error == null;
        }
    }

    /** Converts {@code raw} (typed or text) to the typed value of {@code field}, without the definition's checks. */
    public Converted convert(FieldDefinition field, Object raw) {
        try {
            return new Converted(toTyped(field, raw), null);
        } catch (Invalid e) {
            return new Converted(null, e.error);
        }
    }

    /**
     * The problems of a converted value against its field's definition: required, min/max, length, pattern. Empty
     * when the value is fine.
     */
    public List<FieldError> check(FieldDefinition field, Object value) {
        List<FieldError> errors = new ArrayList<>();
        if (isEmpty(value)) {
            if (field.required()) {
                errors.add(error(field, "required", "“%s”必须填写", "“%s” is required"));
            }
            return errors;
        }
        BigDecimal number = value instanceof Money m ? m.amount() : asDecimal(value);
        if (number != null) {
            if (field.min() != null && number.compareTo(field.min()) < 0) {
                errors.add(error(field, "too_small", "“%s”不能小于 %s", "“%s” must be at least %s",
                        field.min().toPlainString()));
            }
            if (field.max() != null && number.compareTo(field.max()) > 0) {
                errors.add(error(field, "too_large", "“%s”不能大于 %s", "“%s” must be at most %s",
                        field.max().toPlainString()));
            }
        }
        if (value instanceof String text) {
            int maxLength = maxLength(field);
            if (text.length() > maxLength) {
                errors.add(error(field, "too_long", "“%s”最多 %s 个字符", "“%s” must be at most %s characters",
                        String.valueOf(maxLength)));
            }
            if (field.pattern() != null && !field.pattern().isBlank() && field.storedType() != FieldType.SELECT
                    && !matchesPattern(field.pattern(), text)) {
                errors.add(error(field, "pattern", "“%s”的格式不正确", "“%s” does not have the required format"));
            }
        }
        return errors;
    }

    /** Whether a typed value counts as empty: {@code null} or an empty multiselect. */
    public static boolean isEmpty(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty();
    }

    /**
     * The text form of a typed value, as the audit trail and exports write it: ISO dates, plain decimals,
     * {@code 12.50 CNY}, multiselect values joined by commas; {@code null} for empty.
     */
    public static String toText(Object value) {
        if (isEmpty(value)) {
            return null;
        }
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> String.join(",", c.stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    /** The longest text {@code field} accepts: its {@code maxLength}, else its column's length. */
    static int maxLength(FieldDefinition field) {
        return switch (field.storedType()) {
            case EMAIL -> field.maxLength() == null ? 254 : field.maxLength();
            case PHONE -> field.maxLength() == null ? 32 : field.maxLength();
            case URL -> field.maxLength() == null ? 2048 : field.maxLength();
            case TEXTAREA -> field.maxLength() == null ? 4000 : field.maxLength();
            case SELECT, MULTISELECT -> FormTables.OPTION_VALUE_LENGTH;
            default -> field.maxLength() == null ? 255 : field.maxLength();
        };
    }

    private Object toTyped(FieldDefinition field, Object raw) {
        if (raw == null || raw instanceof CharSequence s && s.toString().isBlank()) {
            return field.storedType() == FieldType.MULTISELECT ? List.of() : null;
        }
        return switch (field.storedType()) {
            case TEXT, TEXTAREA -> text(field, raw);
            case INTEGER -> integer(field, raw);
            case DECIMAL -> scaled(field, decimal(field, raw), field.scale() == null ? 2 : field.scale(), 24);
            case PERCENT -> scaled(field, decimal(field, stripSuffix(raw, "%", "％")), 4, 12);
            case MONEY -> money(field, raw);
            case DATE -> date(field, raw);
            case DATETIME -> dateTime(field, raw);
            case BOOLEAN -> bool(field, raw);
            case SELECT -> option(field, text(field, raw));
            case MULTISELECT -> options(field, raw);
            case EMAIL -> email(field, raw);
            case PHONE -> phone(field, raw);
            case URL -> url(field, raw);
            case RATING -> rating(field, raw);
            case USER, REFERENCE -> id(field, raw);
            case SUBTABLE, COMPUTED -> throw invalid(field, "no_value", "“%s”不能直接赋值",
                    "“%s” cannot be given a value directly");
        };
    }

    private String text(FieldDefinition field, Object raw) {
        if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean) {
            String text = raw instanceof BigDecimal d ? d.toPlainString() : TextSanitizer.clean(raw.toString()).strip();
            return text.isEmpty() ? null : text;
        }
        throw invalid(field, "not_text", "“%s”应为文本", "“%s” must be text");
    }

    private Long integer(FieldDefinition field, Object raw) {
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

    private BigDecimal decimal(FieldDefinition field, Object raw) {
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
    private BigDecimal scaled(FieldDefinition field, BigDecimal value, int scale, int precision) {
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

    private Money money(FieldDefinition field, Object raw) {
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

    private LocalDate date(FieldDefinition field, Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof CharSequence s) {
            Matcher m = DATE.matcher(s.toString().strip());
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    throw notADate(field);
                }
            }
        }
        throw notADate(field);
    }

    private OffsetDateTime dateTime(FieldDefinition field, Object raw) {
        OffsetDateTime value = switch (raw) {
            case OffsetDateTime o -> o;
            case ZonedDateTime z -> z.toOffsetDateTime();
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case LocalDateTime l -> l.atZone(zone).toOffsetDateTime();
            case CharSequence s -> parseDateTime(field, s.toString().strip());
            default -> throw notADateTime(field);
        };
        return value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private OffsetDateTime parseDateTime(FieldDefinition field, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw notADateTime(field);
            }
        }
    }

    private Boolean bool(FieldDefinition field, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String word = raw instanceof Number || raw instanceof CharSequence
                ? raw.toString().strip().toLowerCase(Locale.ROOT) : "";
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw invalid(field, "not_boolean", "“%s”应为“是”或“否”", "“%s” must be yes or no");
    }

    /** The option value for {@code text}: its value, else (for imports) its label in either language. */
    private String option(FieldDefinition field, String text) {
        for (FieldOption o : field.options()) {
            if (o.value().equals(text)) {
                return o.value();
            }
        }
        for (FieldOption o : field.options()) {
            if (o.value().equalsIgnoreCase(text) || text.equals(o.label().zh())
                    || o.label().en() != null && o.label().en().equalsIgnoreCase(text)) {
                return o.value();
            }
        }
        String shown = text.replace("%", "%%");
        throw invalid(field, "not_an_option", "“%s”没有选项“" + shown + "”", "“%s” has no option “" + shown + "”");
    }

    /** Multiselect values, without duplicates, in the options' display order. */
    private List<String> options(FieldDefinition field, Object raw) {
        Collection<?> items = switch (raw) {
            case Collection<?> c -> c;
            case Object[] array -> List.of(array);
            case CharSequence s -> List.of(LIST_SEPARATORS.split(s));
            default -> List.of(raw);
        };
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            if (item != null && !item.toString().isBlank()) {
                chosen.add(option(field, text(field, item)));
            }
        }
        List<String> order = field.options().stream().map(FieldOption::value).toList();
        return chosen.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
    }

    private String email(FieldDefinition field, Object raw) {
        String text = text(field, raw);
        if (!EMAIL.matcher(text).matches()) {
            throw invalid(field, "email", "“%s”不是有效的电子邮箱地址", "“%s” is not a valid e-mail address");
        }
        return text;
    }

    /**
     * Accepts mainland China mobiles ({@code 138 0013 8000}), landlines ({@code 010-12345678},
     * {@code 0571-8888888}) and international numbers ({@code +44 20 7946 0958}); keeps what the user typed, with
     * runs of spaces collapsed.
     */
    private String phone(FieldDefinition field, Object raw) {
        String text = text(field, raw).replaceAll("\\s+", " ");
        String compact = PHONE_SEPARATORS.matcher(text).replaceAll("");
        boolean valid = MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches()
                || INTERNATIONAL.matcher(compact).matches();
        if (!valid) {
            throw invalid(field, "phone", "“%s”不是有效的电话号码（手机、固话如 010-12345678 或 +国家码）",
                    "“%s” is not a valid phone number (mobile, landline such as 010-12345678, or +country code)");
        }
        return text;
    }

    private String url(FieldDefinition field, Object raw) {
        String text = text(field, raw);
        if (!URL.matcher(text).matches()) {
            throw invalid(field, "url", "“%s”应为以 http:// 或 https:// 开头的网址",
                    "“%s” must be a web address starting with http:// or https://");
        }
        return text;
    }

    private Integer rating(FieldDefinition field, Object raw) {
        BigDecimal d;
        try {
            d = decimal(field, raw).stripTrailingZeros();
        } catch (Invalid e) {
            throw ratingError(field);
        }
        if (d.scale() > 0 || d.compareTo(BigDecimal.valueOf(RATING_MIN)) < 0
                || d.compareTo(BigDecimal.valueOf(RATING_MAX)) > 0) {
            throw ratingError(field);
        }
        return d.intValueExact();
    }

    private Long id(FieldDefinition field, Object raw) {
        try {
            Long id = integer(field, raw);
            if (id > 0) {
                return id;
            }
        } catch (Invalid e) {
            // reported below with the message of this type
        }
        throw invalid(field, "not_an_id", "“%s”应为记录或用户的编号", "“%s” must be the id of a record or user");
    }

    private static Object stripSuffix(Object raw, String... suffixes) {
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

    private static BigDecimal asDecimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            default -> null;
        };
    }

    private boolean matchesPattern(String regex, String text) {
        try {
            return patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Invalid notANumber(FieldDefinition field) {
        return invalid(field, "not_a_number", "“%s”应为数字", "“%s” must be a number");
    }

    private static Invalid outOfRange(FieldDefinition field) {
        return invalid(field, "out_of_range", "“%s”的数值太大", "“%s” is too large a number");
    }

    private static Invalid notADate(FieldDefinition field) {
        return invalid(field, "not_a_date", "“%s”应为日期，例如 2026-11-23", "“%s” must be a date such as 2026-11-23");
    }

    private static Invalid notADateTime(FieldDefinition field) {
        return invalid(field, "not_a_datetime", "“%s”应为日期和时间，例如 2026-11-23 09:30",
                "“%s” must be a date and time such as 2026-11-23 09:30");
    }

    private static Invalid ratingError(FieldDefinition field) {
        return invalid(field, "rating", "“%s”应为 1 到 5 星", "“%s” must be 1 to 5 stars");
    }

    private static Invalid invalid(FieldDefinition field, String code, String zh, String en) {
        return new Invalid(error(field, code, zh, en));
    }

    /** An error whose zh/en templates take the field's label as first {@code %s}, then {@code args}. */
    static FieldError error(FieldDefinition field, String code, String zh, String en, String... args) {
        LocalizedText label = field.label();
        String zhName = label.zh() != null && !label.zh().isBlank() ? label.zh() : label.in(Locale.ENGLISH);
        String enName = label.en() != null && !label.en().isBlank() ? label.en() : label.in(Locale.CHINESE);
        zhName = zhName.isBlank() ? field.id() : zhName;
        enName = enName.isBlank() ? field.id() : enName;
        return new FieldError(field.id(), code, LocalizedText.of(format(zh, zhName, args), format(en, enName, args)));
    }

    private static String format(String template, String name, String... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return String.format(Locale.ROOT, template, all);
    }

    /** Carries a conversion problem out of the nested converters; never leaves this class. */
    private static final class Invalid extends RuntimeException {

        private final transient FieldError error;

        Invalid(FieldError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }
}
