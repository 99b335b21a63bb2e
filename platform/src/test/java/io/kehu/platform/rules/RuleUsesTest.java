package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.records.Money;
import io.kehu.platform.rules.script.RuleLimitException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What rules can do, without Spring: typed record fields under static compilation, the variables and helpers,
 * conditions, computed values, compile errors with positions, plugin functions and the bounded operations.
 */
class RuleUsesTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void recordFieldsHaveTheirFieldsJavaTypes() {
        Map<String, Object> values = Map.of("amount", new Money(new BigDecimal("150.00"), "CNY"), "level", "KEY",
                "employees", 12L, "signed_on", LocalDate.of(2025, 7, 1), "active", true, "tags", List.of("vip"),
                "met_at", OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC), "rating", 4);
        assertThat(sandbox.eval("record.amount > 100", values)).isEqualTo(true);
        assertThat(sandbox.eval("record.level == 'KEY'", values)).isEqualTo(true);
        assertThat(sandbox.eval("record.employees * 2", values)).isEqualTo(24L);
        assertThat(sandbox.eval("record.signed_on.isAfter(today)", values)).isEqualTo(true);
        assertThat(sandbox.eval("record.active && 'vip' in record.tags", values)).isEqualTo(true);
        assertThat(sandbox.eval("record.met_at.toLocalDate().getMonthValue()", values)).isEqualTo(6);
        assertThat(sandbox.eval("record.rating >= 4", values)).isEqualTo(true);
        assertThat(sandbox.eval("record.amount * 0.1", values)).isEqualTo(new BigDecimal("15.000"));
    }

    @Test
    void aMisspeltFieldIsACompileErrorWithLineAndColumn() {
        assertThatThrownBy(() -> sandbox.compile("record.level == 'KEY' &&\n  record.amuont > 1"))
                .isInstanceOfSatisfying(RuleCompileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.reason()).contains("amuont");
                });
    }

    @Test
    void aTypeErrorIsACompileError() {
        assertThatThrownBy(() -> sandbox.compile("record.signed_on.plusDays('x')"))
                .isInstanceOf(RuleCompileException.class);
    }

    @Test
    void conditionsSeeEmptyFieldsAsFalse() {
        assertThat(sandbox.eval("record.phone || record.email", Map.of())).isEqualTo(false);
        assertThat(sandbox.eval("record.phone || record.email", Map.of("email", "a@b.cn"))).isEqualTo(true);
        assertThat(sandbox.eval("!record.signed_on || record.signed_on.isAfter(today)", Map.of())).isEqualTo(true);
    }

    @Test
    void userTodayAndHelpers() {
        assertThat(sandbox.eval("user.hasRole('manager') && user.username == 'manager' && user.id == 3",
                Map.of())).isEqualTo(true);
        assertThat(sandbox.eval("startOfYear(today)", Map.of())).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(sandbox.eval("startOfMonth(today)", Map.of())).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(sandbox.eval("daysBetween(today, record.signed_on)", Map.of("signed_on", "2025-06-20")))
                .isEqualTo(5L);
        assertThat(sandbox.eval("isBlank(record.name) && !isBlank('x')", Map.of())).isEqualTo(true);
        assertThat(sandbox.eval("round(record.score, 1)", Map.of("score", new BigDecimal("2.55"))))
                .isEqualTo(new BigDecimal("2.6"));
        assertThat(sandbox.eval("Math.max(record.employees, 10L)", Map.of("employees", 3L))).isEqualTo(10L);
        assertThat(sandbox.eval("now.getHour()", Map.of())).isEqualTo(9);
        assertThat(sandbox.eval("record.name.trim().toUpperCase().startsWith('ACME')", Map.of("name", " acme ")))
                .isEqualTo(true);
    }

    @Test
    void computedValuesAreTheLastExpression() {
        assertThat(sandbox.eval("def net = record.amount - record.score\nnet * 2",
                Map.of("amount", new BigDecimal("10"), "score", new BigDecimal("2.5")))).isEqualTo(new BigDecimal("15.0"));
        assertThat(sandbox.eval("record.level == 'KEY' ? 'A' : 'B'", Map.of("level", "KEY"))).isEqualTo("A");
        assertThat(sandbox.eval("record.name + ' (' + record.level + ')'", Map.of("name", "Acme", "level", "KEY")))
                .isEqualTo("Acme (KEY)");
    }

    @Test
    void collectionsCanBeSearchedButNotGrown() {
        assertThat(sandbox.eval("record.tags.any { it.startsWith('v') }", Map.of("tags", List.of("vip"))))
                .isEqualTo(true);
        assertThat(sandbox.eval("record.tags.count { it.size() > 1 }", Map.of("tags", List.of("vip", "x"))))
                .isEqualTo(1);
        assertThatThrownBy(() -> sandbox.compile("record.tags + record.tags")).isInstanceOf(RuleCompileException.class);
        assertThatThrownBy(() -> sandbox.compile("record.tags.collect { it }")).isInstanceOf(RuleCompileException.class);
    }

    @Test
    void textsAndDecimalsStayBounded() {
        assertThatThrownBy(() -> sandbox.eval("record.name + record.name", Map.of("name", "x".repeat(60_000))))
                .isInstanceOf(RuleLimitException.class);
        assertThatThrownBy(() -> sandbox.eval("record.score * 1e20 * 1e20", Map.of("score", BigDecimal.TEN)))
                .isInstanceOf(RuleLimitException.class);
        assertThat(sandbox.eval("1.0 / 3", Map.of())).isEqualTo(new BigDecimal("0.33333333333333333333"));
    }

    @Test
    void pluginFunctionsAreTypedAndChecked() {
        Sandbox withTiering = new Sandbox(200, 100, Map.of("tiering", Tiering.class));
        CompiledRule rule = withTiering.cache.get("tiering.levelFor(record.amount)",
                RecordTyping.of(Sandbox.CUSTOMER));
        Object level = rule.evaluate(Sandbox.context(Map.of("amount", new BigDecimal("600000")),
                Map.of("tiering", new Tiering())));
        assertThat(level).isEqualTo("KEY");
        assertThatThrownBy(() -> withTiering.cache.get("tiering.getClass()", RecordTyping.of(Sandbox.CUSTOMER)))
                .isInstanceOf(RuleCompileException.class);
    }

    @Test
    void compiledRulesAreCachedBySourceAndTyping() {
        assertThat(sandbox.compile("record.amount > 1")).isSameAs(sandbox.compile("record.amount > 1"));
        assertThat(sandbox.compile("record.amount > 1")).isNotSameAs(sandbox.compile("record.amount > 2"));
    }

    /** A plugin's function set as rules see it. */
    public static final class Tiering {

        public String levelFor(BigDecimal annualSpend) {
            return annualSpend != null && annualSpend.compareTo(new BigDecimal("500000")) >= 0 ? "KEY" : "NORMAL";
        }
    }
}
