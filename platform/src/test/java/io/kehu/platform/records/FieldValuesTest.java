package io.kehu.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conversion of typed and text input and the definition checks, per field type. */
class FieldValuesTest {

    private final FieldValues values = new FieldValues(ZoneId.of("Asia/Shanghai"));

    private static FieldDefinition field(FieldType type) {
        return FieldDefinition.of("f", type);
    }

    private static FieldDefinition labelled(FieldType type) {
        return new FieldDefinition("phone", type, LocalizedText.of("电话", "Phone"), null, true, null, null, null,
                null, null, null, null, null, false, false, false, false, false, null, null, null, null, null, null);
    }

    private static FieldDefinition bounded(FieldType type, String min, String max) {
        return new FieldDefinition("f", type, null, null, false, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null, null, null, null, false, false, false, false,
                false, null, null, null, null, null, null);
    }

    private static FieldDefinition text(Integer maxLength, String pattern) {
        return new FieldDefinition("f", FieldType.TEXT, null, null, false, null, null, null, maxLength, pattern,
                null, null, null, false, false, false, false, false, null, null, null, null, null, null);
    }

    private static FieldDefinition choice(FieldType type) {
        return new FieldDefinition("level", type, null, null, false, null, null, null, null, null, null, null,
                List.of(new FieldOption("KEY", LocalizedText.of("大客户", "Key customer")),
                        new FieldOption("NORMAL", LocalizedText.of("普通", "Normal")),
                        new FieldOption("POTENTIAL", LocalizedText.EMPTY)),
                false, false, false, false, false, null, null, null, null, null, null);
    }

    private Object ok(FieldDefinition f, Object raw) {
        FieldValues.Converted c = values.convert(f, raw);
        assertThat(c.error()).as("error for %s", raw).isNull();
        return c.value();
    }

    private String code(FieldDefinition f, Object raw) {
        FieldValues.Converted c = values.convert(f, raw);
        if (!c.ok()) {
            return c.error().code();
        }
        List<FieldError> errors = values.check(f, c.value());
        return errors.isEmpty() ? null : errors.get(0).code();
    }

    @Test
    void textIsStrippedAndBlankIsEmpty() {
        assertThat(ok(field(FieldType.TEXT), "  上海贸易有限公司 ")).isEqualTo("上海贸易有限公司");
        assertThat(ok(field(FieldType.TEXT), "   ")).isNull();
        assertThat(ok(field(FieldType.TEXT), 42L)).isEqualTo("42");
    }

    @Test
    void textChecksMaxLengthAndPattern() {
        assertThat(code(text(5, null), "abcdef")).isEqualTo("too_long");
        assertThat(code(text(null, null), "x".repeat(256))).isEqualTo("too_long");
        assertThat(code(field(FieldType.TEXTAREA), "x".repeat(4000))).isNull();
        assertThat(code(text(null, "[A-Z]{2}\\d+"), "AB12")).isNull();
        assertThat(code(text(null, "[A-Z]{2}\\d+"), "AB12x")).isEqualTo("pattern");
    }

    @Test
    void integersFromTextAndNumbers() {
        assertThat(ok(field(FieldType.INTEGER), "1,234")).isEqualTo(1234L);
        assertThat(ok(field(FieldType.INTEGER), 7)).isEqualTo(7L);
        assertThat(ok(field(FieldType.INTEGER), "12.0")).isEqualTo(12L);
        assertThat(code(field(FieldType.INTEGER), "12.5")).isEqualTo("not_integer");
        assertThat(code(field(FieldType.INTEGER), "twelve")).isEqualTo("not_a_number");
        assertThat(code(field(FieldType.INTEGER), "99999999999999999999")).isEqualTo("out_of_range");
    }

    @Test
    void decimalsKeepTheirScaleAndRefuseMoreDigits() {
        assertThat(ok(field(FieldType.DECIMAL), "12.5")).isEqualTo(new BigDecimal("12.50"));
        assertThat(ok(field(FieldType.DECIMAL), 0.1d)).isEqualTo(new BigDecimal("0.10"));
        assertThat(code(field(FieldType.DECIMAL), "12.345")).isEqualTo("scale");
        assertThat(ok(field(FieldType.PERCENT), "12.5%")).isEqualTo(new BigDecimal("12.5000"));
    }

    @Test
    void minAndMaxApplyToNumbers() {
        assertThat(code(bounded(FieldType.INTEGER, "1", "10"), "0")).isEqualTo("too_small");
        assertThat(code(bounded(FieldType.INTEGER, "1", "10"), "11")).isEqualTo("too_large");
        assertThat(code(bounded(FieldType.INTEGER, "1", "10"), "10")).isNull();
        assertThat(code(bounded(FieldType.MONEY, "0", null), "-5")).isEqualTo("too_small");
    }

    @Test
    void moneyTakesAmountAndCurrencyInSeveralSpellings() {
        assertThat(ok(field(FieldType.MONEY), "12.5")).isEqualTo(Money.of("12.50", "CNY"));
        assertThat(ok(field(FieldType.MONEY), "USD 1,000")).isEqualTo(Money.of("1000", "USD"));
        assertThat(ok(field(FieldType.MONEY), "99.90 eur")).isEqualTo(Money.of("99.9", "EUR"));
        assertThat(ok(field(FieldType.MONEY), "¥88")).isEqualTo(Money.of("88", "CNY"));
        assertThat(ok(field(FieldType.MONEY), Map.of("amount", "3", "currency", "JPY")))
                .isEqualTo(Money.of("3", "JPY"));
        assertThat(code(field(FieldType.MONEY), new Money(BigDecimal.ONE, "RMB1"))).isEqualTo("currency");
        assertThat(code(field(FieldType.MONEY), "1.005")).isEqualTo("scale");
    }

    @Test
    void datesInIsoAndChineseSpelling() {
        assertThat(ok(field(FieldType.DATE), "2026-11-23")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ok(field(FieldType.DATE), "2026/1/5")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(ok(field(FieldType.DATE), "2026年11月23日")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(code(field(FieldType.DATE), "2026-02-30")).isEqualTo("not_a_date");
        assertThat(code(field(FieldType.DATE), "next tuesday")).isEqualTo("not_a_date");
    }

    @Test
    void dateTimesAreKeptInUtc() {
        assertThat(ok(field(FieldType.DATETIME), "2026-11-23T10:15:30+08:00"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 23, 2, 15, 30, 0, ZoneOffset.UTC));
        assertThat(ok(field(FieldType.DATETIME), "2026-11-23 09:30"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 23, 1, 30, 0, 0, ZoneOffset.UTC));
        assertThat(code(field(FieldType.DATETIME), "23.11.2026")).isEqualTo("not_a_datetime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"是", "true", "TRUE", "1", "yes", "对"})
    void trueWords(String word) {
        assertThat(ok(field(FieldType.BOOLEAN), word)).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"否", "false", "0", "No", "错"})
    void falseWords(String word) {
        assertThat(ok(field(FieldType.BOOLEAN), word)).isEqualTo(false);
    }

    @Test
    void booleansRefuseOtherWords() {
        assertThat(code(field(FieldType.BOOLEAN), "maybe")).isEqualTo("not_boolean");
        assertThat(ok(field(FieldType.BOOLEAN), 1)).isEqualTo(true);
    }

    @Test
    void selectAcceptsValuesAndLabels() {
        assertThat(ok(choice(FieldType.SELECT), "KEY")).isEqualTo("KEY");
        assertThat(ok(choice(FieldType.SELECT), "大客户")).isEqualTo("KEY");
        assertThat(ok(choice(FieldType.SELECT), "normal")).isEqualTo("NORMAL");
        assertThat(code(choice(FieldType.SELECT), "VIP")).isEqualTo("not_an_option");
    }

    @Test
    void multiselectSplitsDeduplicatesAndKeepsOptionOrder() {
        assertThat(ok(choice(FieldType.MULTISELECT), "POTENTIAL，大客户;KEY")).isEqualTo(List.of("KEY", "POTENTIAL"));
        assertThat(ok(choice(FieldType.MULTISELECT), List.of("NORMAL"))).isEqualTo(List.of("NORMAL"));
        assertThat(ok(choice(FieldType.MULTISELECT), null)).isEqualTo(List.of());
        assertThat(code(choice(FieldType.MULTISELECT), List.of("KEY", "VIP"))).isEqualTo("not_an_option");
    }

    @Test
    void requiredMultiselectNeedsOneValue() {
        FieldDefinition f = new FieldDefinition("tags", FieldType.MULTISELECT, null, null, true, null, null, null,
                null, null, null, null, List.of(new FieldOption("A", null)), false, false, false, false, false, null,
                null, null, null, null, null);
        assertThat(values.check(f, List.of())).extracting(FieldError::code).containsExactly("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "19912345678", "010-12345678",
            "0571-8888888", "021 6666 8888", "+86 138 0013 8000", "+44 20 7946 0958", "+1 (415) 555-2671"})
    void validPhoneNumbers(String phone) {
        assertThat(code(field(FieldType.PHONE), phone)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380001", "12345678", "010-123", "+0 123 4567",
            "phone", "+86 138 0013 8000 1234 5678"})
    void invalidPhoneNumbers(String phone) {
        assertThat(code(field(FieldType.PHONE), phone)).isEqualTo("phone");
    }

    @Test
    void phoneKeepsWhatWasTypedWithSingleSpaces() {
        assertThat(ok(field(FieldType.PHONE), " 138  0013 8000 ")).isEqualTo("138 0013 8000");
        assertThat(ok(field(FieldType.PHONE), "138\t0013 \t 8000")).isEqualTo("138 0013 8000");
        assertThat(ok(field(FieldType.PHONE), "(0571) 8888-8888")).isEqualTo("(0571) 8888-8888");
    }

    @Test
    void emails() {
        assertThat(code(field(FieldType.EMAIL), "li.qiang@example.com.cn")).isNull();
        assertThat(code(field(FieldType.EMAIL), "wang+crm@公司.中国")).isNull();
        assertThat(code(field(FieldType.EMAIL), "li.qiang@example")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "li qiang@example.com")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "@example.com")).isEqualTo("email");
        // plain ASCII addresses are judged without the regular expression: the same verdicts
        assertThat(code(field(FieldType.EMAIL), "li_qiang-01%x+crm@mail-1.example.com.cn")).isNull();
        assertThat(code(field(FieldType.EMAIL), "c12@example.cn")).isNull();
        assertThat(code(field(FieldType.EMAIL), "a@b-.com")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@-b.com")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@b..com")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@b.c")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@b.c1")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@b@c.com")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a@b.com.")).isEqualTo("email");
        assertThat(code(field(FieldType.EMAIL), "a(b)@c.com")).isEqualTo("email");
    }

    @Test
    void urlsMustBeHttpOrHttps() {
        assertThat(code(field(FieldType.URL), "https://kehu.io/客户?id=1")).isNull();
        assertThat(code(field(FieldType.URL), "HTTP://example.com")).isNull();
        assertThat(code(field(FieldType.URL), "ftp://example.com")).isEqualTo("url");
        assertThat(code(field(FieldType.URL), "example.com")).isEqualTo("url");
        assertThat(code(field(FieldType.URL), "javascript:alert(1)")).isEqualTo("url");
    }

    @Test
    void ratingsAreOneToFiveStars() {
        assertThat(ok(field(FieldType.RATING), "4")).isEqualTo(4);
        assertThat(ok(field(FieldType.RATING), 5L)).isEqualTo(5);
        assertThat(code(field(FieldType.RATING), "0")).isEqualTo("rating");
        assertThat(code(field(FieldType.RATING), 6)).isEqualTo("rating");
        assertThat(code(field(FieldType.RATING), "3.5")).isEqualTo("rating");
    }

    @Test
    void idsArePositiveWholeNumbers() {
        assertThat(ok(field(FieldType.USER), "17")).isEqualTo(17L);
        assertThat(ok(field(FieldType.REFERENCE), 3)).isEqualTo(3L);
        assertThat(code(field(FieldType.REFERENCE), "-1")).isEqualTo("not_an_id");
        assertThat(code(field(FieldType.USER), "admin")).isEqualTo("not_an_id");
    }

    @Test
    void requiredErrorsNameTheFieldInBothLanguages() {
        List<FieldError> errors = values.check(labelled(FieldType.PHONE), null);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.fieldId()).isEqualTo("phone");
            assertThat(e.code()).isEqualTo("required");
            assertThat(e.message().zh()).isEqualTo("“电话”必须填写");
            assertThat(e.message().en()).isEqualTo("“Phone” is required");
        });
        FieldValues.Converted wrong = values.convert(labelled(FieldType.PHONE), "12345");
        assertThat(wrong.error().message().zh()).startsWith("“电话”不是有效的电话号码");
    }

    @Test
    void subtablesTakeNoValue() {
        assertThat(code(field(FieldType.SUBTABLE), "x")).isEqualTo("no_value");
    }

    @Test
    void textFormsForTheAuditTrail() {
        assertThat(FieldValues.toText(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(FieldValues.toText(Money.of("12.50", "CNY"))).isEqualTo("12.50 CNY");
        assertThat(FieldValues.toText(List.of("KEY", "NORMAL"))).isEqualTo("KEY,NORMAL");
        assertThat(FieldValues.toText(List.of())).isNull();
        assertThat(FieldValues.toText(LocalDate.of(2026, 11, 23))).isEqualTo("2026-11-23");
    }
}
