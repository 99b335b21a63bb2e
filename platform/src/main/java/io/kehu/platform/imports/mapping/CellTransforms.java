package io.kehu.platform.imports.mapping;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.LocalizedText;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people type into spreadsheets, made into what the write path reads: full-width digits, 万/亿, trailing 元,
 * Excel serial dates, dates with slashes or 年月日 and a time, option labels in any case. Text fields are passed as
 * they are (leading zeros of 00123 kept). Values that still do not fit are judged by the write path, not here; only
 * look-ups (users, referenced records) can fail here, see {@link Lookups}.
 */
public final class CellTransforms {

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("^([-+]?[\\d,.]+)\\s*(万|亿)?\\s*元?$");
    private static final Pattern SERIAL = Pattern.compile("^\\d{1,6}(\\.\\d+)?$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellTransforms() {
    }

    /** A problem a transform or look-up found in a cell. */
    public static final class CellProblem extends Exception {

        private final transient LocalizedText reason;

        public CellProblem(LocalizedText reason) {
            super(reason.en(), null, false, false);
            this.reason = reason;
        }

        public LocalizedText reason() {
            return reason;
        }
    }

    /** The value to hand the write path for {@code cell} of {@code field}; blank cells give {@code null}. */
    public static Object transform(FieldDefinition field, String cell, Lookups lookups) throws CellProblem {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return switch (field.storedType()) {
            case TEXT, TEXTAREA -> cell;
            case INTEGER, DECIMAL, PERCENT, RATING -> number(halfWidth(cell));
            case MONEY -> number(halfWidth(cell));
            case DATE -> date(halfWidth(cell), false);
            case DATETIME -> date(halfWidth(cell), true);
            case SELECT -> lookups == null ? option(field, cell) : lookups.option(field, cell);
            case PHONE -> halfWidth(cell).strip();
            case EMAIL, URL, BOOLEAN, MULTISELECT -> halfWidth(cell).strip();
            case USER -> lookups.user(field, halfWidth(cell).strip());
            case REFERENCE -> lookups.reference(field, cell.strip());
            default -> cell;
        };
    }

    /** Full-width digits, letters and punctuation to plain ones (NFKC); ideographs stay. */
    static String halfWidth(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** {@code 1,234.5} stays for the write path; {@code 3.5万} becomes 35000, {@code 2亿} 200000000, {@code 12元} 12. */
    static String number(String text) {
        String t = text.strip();
        Matcher m = NUMBER_WITH_UNIT.matcher(t);
        if (!m.matches()) {
            return t;
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        try {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
            BigDecimal factor = "万".equals(m.group(2)) ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000);
            return value.multiply(factor).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** Excel serial day numbers (as a CSV export of a date cell may hold) and 2024/3/5 14:30 to ISO text. */
    static String date(String text, boolean withTime) {
        String t = text.strip();
        if (SERIAL.matcher(t).matches()) {
            BigDecimal serial = new BigDecimal(t);
            if (serial.compareTo(BigDecimal.valueOf(60)) > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                LocalDate day = EXCEL_EPOCH.plusDays(serial.longValue());
                if (!withTime) {
                    return day.toString();
                }
                long seconds = serial.remainder(BigDecimal.ONE).multiply(BigDecimal.valueOf(86_400)).longValue();
                return day.atStartOfDay().plusSeconds(seconds).toString().replace('T', ' ');
            }
            return t;
        }
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String day = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (!withTime) {
            return m.group(4) == null ? day : t;
        }
        if (m.group(4) == null) {
            return day + " 00:00";
        }
        return String.format("%s %02d:%s%s", day, Integer.parseInt(m.group(4)), m.group(5),
                m.group(6) == null ? "" : ":" + m.group(6));
    }

    /** An option by value or label, ignoring case, spaces and full-width forms; else the text as it is. */
    static String option(FieldDefinition field, String text) {
        String value = optionKeys(field).get(HeaderMatcher.normal(text));
        return value != null ? value : text.strip();
    }

    /**
     * The options of {@code field} by each of their normalised value, zh label and en label; where two options
     * share a key, the earlier option keeps it.
     */
    static Map<String, String> optionKeys(FieldDefinition field) {
        Map<String, String> keys = new HashMap<>();
        for (FieldOption o : field.options()) {
            keys.putIfAbsent(HeaderMatcher.normal(o.value()), o.value());
            if (o.label() != null) {
                keys.putIfAbsent(HeaderMatcher.normal(o.label().zh()), o.value());
                keys.putIfAbsent(HeaderMatcher.normal(o.label().en()), o.value());
            }
        }
        return keys;
    }
}
