package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.designer.condition.ConditionWriter;
import io.kehu.platform.designer.condition.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the visual condition builder writes compiles in the real sandbox and means what the rows say. */
class ConditionBuilderRulesTest {

    private final Sandbox sandbox = new Sandbox();

    private boolean holds(List<Comparison> rows, boolean any, Map<String, ?> values) {
        String script = ConditionWriter.write(new Group(any, List.copyOf(rows)), Sandbox.CUSTOMER);
        return Boolean.TRUE.equals(sandbox.eval(script, values));
    }

    private static Comparison row(String field, Operator op, String... values) {
        return new Comparison(field, op, List.of(values));
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void comparisonsMeanWhatTheRowsSayAlsoOnEmptyFields() {
        assertThat(holds(List.of(row("level", Operator.EQUALS, "KEY")), false, values("level", "KEY"))).isTrue();
        assertThat(holds(List.of(row("level", Operator.EQUALS, "KEY")), false, values())).isFalse();
        assertThat(holds(List.of(row("amount", Operator.LESS, "100")), false, values())).isFalse();
        assertThat(holds(List.of(row("amount", Operator.LESS, "100")), false,
                values("amount", new BigDecimal("99.99")))).isTrue();
        assertThat(holds(List.of(row("employees", Operator.AT_LEAST, "10")), false, values("employees", 10L)))
                .isTrue();
        assertThat(holds(List.of(row("signed_on", Operator.LESS, "2025-01-01")), false, values())).isFalse();
        assertThat(holds(List.of(row("signed_on", Operator.GREATER, "2025-01-01")), false,
                values("signed_on", LocalDate.of(2025, 3, 1)))).isTrue();
        assertThat(holds(List.of(row("name", Operator.CONTAINS, "有限")), false, values())).isFalse();
        assertThat(holds(List.of(row("name", Operator.CONTAINS, "有限")), false, values("name", "某某有限公司")))
                .isTrue();
        assertThat(holds(List.of(row("name", Operator.EMPTY)), false, values("name", "  "))).isTrue();
        assertThat(holds(List.of(row("tags", Operator.CONTAINS, "KEY")), false, values("tags", List.of("KEY"))))
                .isTrue();
        assertThat(holds(List.of(row("level", Operator.NOT_IN, "KEY", "NORMAL")), false, values("level", "KEY")))
                .isFalse();
        assertThat(holds(List.of(row("active", Operator.EQUALS, "true")), false, values("active", true))).isTrue();
        assertThat(holds(List.of(row("account_manager", Operator.NOT_EMPTY)), false, values("account_manager", 3L)))
                .isTrue();
    }

    @Test
    void groupsCombineWithAndAndOr() {
        List<Comparison> rows = List.of(row("level", Operator.EQUALS, "KEY"), row("amount", Operator.LESS, "10"));
        assertThat(holds(rows, true, values("amount", new BigDecimal("5")))).isTrue();
        assertThat(holds(rows, false, values("amount", new BigDecimal("5")))).isFalse();
        String nested = ConditionWriter.write(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"),
                new Group(true, List.of(row("amount", Operator.GREATER, "1000"),
                        row("employees", Operator.AT_LEAST, "50"))))), Sandbox.CUSTOMER);
        assertThat(sandbox.eval(nested, values("level", "KEY", "employees", 60L))).isEqualTo(true);
        assertThat(sandbox.eval(nested, values("level", "KEY", "employees", 6L))).isEqualTo(false);
    }

    @Test
    void aValueWithQuotesOrInterpolationIsComparedAsTextNeverRun() {
        String nasty = "x' || true || '${System.exit(1)}\\";
        List<Comparison> rows = List.of(row("name", Operator.EQUALS, nasty));
        assertThat(holds(rows, false, values("name", "anything"))).isFalse();
        assertThat(holds(rows, false, values("name", nasty))).isTrue();
        assertThat(holds(List.of(row("level", Operator.IN, "a'", "${1+1}")), false, values("level", "${1+1}")))
                .isTrue();
    }
}
