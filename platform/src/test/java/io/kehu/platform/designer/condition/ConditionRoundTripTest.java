package io.kehu.platform.designer.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionRoundTripTest {

    static final FormDefinition FORM = new FormDefinition("customer", null, null, null, 0, "name", null,
            List.of(FieldDefinition.of("name", FieldType.TEXT),
                    FieldDefinition.builder("level", FieldType.SELECT).options(List.of(
                            new FieldOption("KEY", LocalizedText.of("重点客户", "Key")),
                            new FieldOption("NORMAL", LocalizedText.of("一般客户", "Normal")))).build(),
                    FieldDefinition.of("amount", FieldType.MONEY), FieldDefinition.of("employees", FieldType.INTEGER),
                    FieldDefinition.of("signed_on", FieldType.DATE), FieldDefinition.of("active", FieldType.BOOLEAN),
                    FieldDefinition.builder("tags", FieldType.MULTISELECT).options(List.of(
                            new FieldOption("vip", LocalizedText.of("贵宾", "VIP")))).build(),
                    FieldDefinition.of("account_manager", FieldType.USER),
                    FieldDefinition.of("contacts", FieldType.SUBTABLE)),
            null, null, null);

    private static Comparison row(String field, Operator op, String... values) {
        return new Comparison(field, op, List.of(values));
    }

    private static void roundTrips(Group condition, String expected) {
        String script = ConditionWriter.write(condition, FORM);
        assertThat(script).isEqualTo(expected);
        assertThat(ConditionReader.read(script, FORM)).contains(condition);
    }

    @Test
    void everyOperatorOfEveryKindIsWrittenAndReadBack() {
        roundTrips(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"))), "record.level == 'KEY'");
        roundTrips(new Group(false, List.of(row("level", Operator.NOT_EQUALS, "KEY"),
                        row("level", Operator.IN, "KEY", "NORMAL"), row("level", Operator.NOT_IN, "NORMAL"))),
                "record.level != 'KEY' && record.level in ['KEY', 'NORMAL'] && !(record.level in ['NORMAL'])");
        roundTrips(new Group(false, List.of(row("name", Operator.CONTAINS, "有限"), row("name", Operator.EMPTY),
                        row("name", Operator.NOT_EMPTY))),
                "record.name != null && record.name.contains('有限') && isBlank(record.name) && !isBlank(record.name)");
        roundTrips(new Group(false, List.of(row("amount", Operator.GREATER, "100.50"),
                        row("amount", Operator.LESS, "-3"), row("employees", Operator.AT_LEAST, "10"),
                        row("employees", Operator.AT_MOST, "20"), row("employees", Operator.EQUALS, "0"),
                        row("employees", Operator.NOT_EQUALS, "7"), row("amount", Operator.EMPTY))),
                "record.amount > 100.50 && record.amount != null && record.amount < -3 && record.employees >= 10"
                        + " && record.employees != null && record.employees <= 20 && record.employees == 0"
                        + " && record.employees != 7 && record.amount == null");
        roundTrips(new Group(false, List.of(row("signed_on", Operator.EQUALS, "2025-01-31"),
                        row("signed_on", Operator.LESS, "2025-02-01"), row("signed_on", Operator.GREATER, "2024-12-31"))),
                "record.signed_on == LocalDate.parse('2025-01-31') && record.signed_on != null"
                        + " && record.signed_on.isBefore(LocalDate.parse('2025-02-01')) && record.signed_on != null"
                        + " && record.signed_on.isAfter(LocalDate.parse('2024-12-31'))");
        roundTrips(new Group(false, List.of(row("active", Operator.EQUALS, "true"), row("tags", Operator.CONTAINS,
                        "vip"), row("tags", Operator.NOT_EMPTY), row("account_manager", Operator.EMPTY))),
                "record.active == true && record.tags.contains('vip') && !record.tags.isEmpty()"
                        + " && record.account_manager == null");
    }

    @Test
    void orGroupsAndOneLevelOfNestingRoundTrip() {
        roundTrips(new Group(true, List.of(row("level", Operator.EQUALS, "KEY"),
                        row("amount", Operator.LESS, "100"))),
                "record.level == 'KEY' || (record.amount != null && record.amount < 100)");
        roundTrips(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"),
                        new Group(true, List.of(row("amount", Operator.GREATER, "1000"),
                                row("employees", Operator.AT_LEAST, "50"))))),
                "record.level == 'KEY' && (record.amount > 1000 || record.employees >= 50)");
        roundTrips(new Group(true, List.of(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"),
                        row("active", Operator.EQUALS, "true"))), row("amount", Operator.GREATER, "5"))),
                "(record.level == 'KEY' && record.active == true) || record.amount > 5");
    }

    @Test
    void valuesWithQuotesBackslashesAndInterpolationStayText() {
        String nasty = "O'Brien \\ ${System.exit(1)} \" \n end";
        Group condition = new Group(false, List.of(row("name", Operator.EQUALS, nasty)));
        String script = ConditionWriter.write(condition, FORM);
        assertThat(script).isEqualTo("record.name == 'O\\'Brien \\\\ ${System.exit(1)} \" \\n end'");
        assertThat(ConditionReader.read(script, FORM)).contains(condition);
        // a trailing backslash must not swallow the closing quote
        Group trailing = new Group(false, List.of(row("name", Operator.EQUALS, "C:\\"),
                row("level", Operator.IN, "a'", "b\\")));
        assertThat(ConditionReader.read(ConditionWriter.write(trailing, FORM), FORM)).contains(trailing);
    }

    @Test
    void numbersAndDatesThatAreNotValuesAreLeftOutNotWritten() {
        assertThat(ConditionWriter.write(new Group(false, List.of(row("amount", Operator.GREATER, "1; System.exit(0)"),
                row("signed_on", Operator.EQUALS, "2025-02-30"), row("level", Operator.EQUALS, "KEY"))), FORM))
                .isEqualTo("record.level == 'KEY'");
        assertThat(ConditionWriter.write(new Group(false, List.of(row("nope", Operator.EQUALS, "x"),
                row("contacts", Operator.EMPTY), row("level", Operator.GREATER, "1"), row("level", Operator.EQUALS))),
                FORM)).isEmpty();
    }

    @Test
    void simpleHandWrittenRulesAreReadBack() {
        assertThat(ConditionReader.read("record.level == \"KEY\"", FORM))
                .contains(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"))));
        assertThat(ConditionReader.read("(record.level == 'KEY') && record.name?.contains('x')", FORM))
                .contains(new Group(false, List.of(row("level", Operator.EQUALS, "KEY"),
                        row("name", Operator.CONTAINS, "x"))));
        assertThat(ConditionReader.read("  ", FORM)).contains(Group.empty());
    }

    @Test
    void rulesTheRowsCannotShowAreNotRead() {
        List.of("record.amount * 2 > 100", "user.hasRole('MANAGER')", "record.level == 'KEY' ||",
                "record.amount < 100", "record.level == \"${record.name}\"", "related('purchase').count() > 0",
                "record.nope == 'x'", "record.level == 'KEY'; record.name == 'x'", "!record.phone",
                "record.level == 'KEY' && (record.amount > 1 || (record.name == 'a' && record.active == true))",
                "record.signed_on < LocalDate.parse('2025-01-01')", "record.level > 'A'", "def x = 1")
                .forEach(script -> assertThat(ConditionReader.read(script, FORM)).as(script).isEmpty());
    }
}
