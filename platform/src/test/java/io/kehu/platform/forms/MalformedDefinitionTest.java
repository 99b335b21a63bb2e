package io.kehu.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One malformed definition per case, each expected to fail with exactly one problem at an exact JSON path, so that
 * the messages authors see stay precise and no check drowns its finding in follow-up noise. The sample form has a
 * text field {@code name} at index 0; the field under test is at index 1. Form {@code customer} is known.
 */
class MalformedDefinitionTest {

    private static final DefinitionReader READER = new DefinitionReader();
    private static final String SOURCE = "sample.json";
    private static final String TYPES = "text, textarea, integer, decimal, money, percent, date, datetime, boolean, "
            + "select, multiselect, email, phone, url, rating, user, reference, subtable, computed";
    private static final String IDENTIFIER_RULE = "must start with a lower-case letter and contain only a-z, 0-9 and _";

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void schemaViolationIsReportedAtItsPath(String name, String json, String path, String message) {
        assertSingleProblem(json, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("semanticCases")
    void semanticProblemIsReportedAtItsPath(String name, String json, String path, String message) {
        assertSingleProblem(json, path, message);
    }

    static Stream<Arguments> schemaCases() {
        return Stream.of(
                Arguments.of("misspelt form key", sample("\"lable\": {\"en\": \"x\"}"),
                        "$.lable", "unknown key 'lable'"),
                Arguments.of("misspelt field key", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"requried\": true}"),
                        "$.fields[1].requried", "unknown key 'requried'"),
                Arguments.of("unknown field type", sample("", "{\"id\": \"age\", \"type\": \"txt\"}"),
                        "$.fields[1].type", "'txt' is not one of: " + TYPES),
                Arguments.of("field without type", sample("", "{\"id\": \"age\"}"),
                        "$.fields[1]", "missing required key 'type'"),
                Arguments.of("form without label",
                        "{\"id\": \"sample\", \"fields\": [{\"id\": \"name\", \"type\": \"text\"}]}",
                        "$", "missing required key 'label'"),
                Arguments.of("flag written as a string", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"required\": \"yes\"}"),
                        "$.fields[1].required", "string found, boolean expected"),
                Arguments.of("unknown role", sample("\"permissions\": {\"read\": [\"boss\"]}"),
                        "$.permissions.read[0]", "does not match the regex pattern "
                                + "^([Ss][Tt][Aa][Ff][Ff]|[Mm][Aa][Nn][Aa][Gg][Ee][Rr]|[Aa][Dd][Mm][Ii][Nn])$"),
                Arguments.of("five layout columns", sample("\"layout\": [{\"columns\": 5, \"fields\": [\"name\"]}]"),
                        "$.layout[0].columns", "must have a maximum value of 4"),
                Arguments.of("maxLength zero", sample("", "{\"id\": \"code\", \"type\": \"text\", \"maxLength\": 0}"),
                        "$.fields[1].maxLength", "must have a minimum value of 1"),
                Arguments.of("maxLength above 10000", sample("", "{\"id\": \"code\", \"type\": \"text\", \"maxLength\": 10001}"),
                        "$.fields[1].maxLength", "must have a maximum value of 10000"),
                Arguments.of("scale above 10", sample("", "{\"id\": \"rate\", \"type\": \"decimal\", \"scale\": 11}"),
                        "$.fields[1].scale", "must have a maximum value of 10"),
                Arguments.of("lower-case currency", sample("", "{\"id\": \"amount\", \"type\": \"money\", \"currency\": \"cny\"}"),
                        "$.fields[1].currency", "does not match the regex pattern ^[A-Z]{3}$"),
                Arguments.of("rule on an unknown event",
                        sample("\"rules\": [{\"on\": \"save\", \"script\": \"true\", \"message\": {\"en\": \"x\"}}]"),
                        "$.rules[0].on", "'save' is not one of: validate"),
                Arguments.of("form without fields",
                        "{\"id\": \"sample\", \"label\": {\"en\": \"Sample\"}, \"fields\": []}",
                        "$.fields", "must have at least 1 items but found 0"),
                Arguments.of("empty label", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"label\": {}}"),
                        "$.fields[1].label", "must have at least 1 properties"));
    }

    static Stream<Arguments> semanticCases() {
        return Stream.of(
                Arguments.of("upper-case form id", form("Sample", "", "{\"id\": \"name\", \"type\": \"text\"}"),
                        "$.id", "form id 'Sample' " + IDENTIFIER_RULE),
                Arguments.of("reserved form id", form("user", "", "{\"id\": \"name\", \"type\": \"text\"}"),
                        "$.id", "form id 'user' is a reserved word"),
                Arguments.of("field id too long", sample("", "{\"id\": \"a_very_long_field_name_for_sql\", \"type\": \"text\"}"),
                        "$.fields[1].id", "field id 'a_very_long_field_name_for_sql' is longer than 28 characters"),
                Arguments.of("field id of a system column", sample("", "{\"id\": \"created_at\", \"type\": \"datetime\"}"),
                        "$.fields[1].id", "field id 'created_at' is a reserved word"),
                Arguments.of("field id with a hyphen", sample("", "{\"id\": \"first-name\", \"type\": \"text\"}"),
                        "$.fields[1].id", "field id 'first-name' " + IDENTIFIER_RULE),
                Arguments.of("duplicate field id", sample("", "{\"id\": \"name\", \"type\": \"textarea\"}"),
                        "$.fields[1].id", "duplicate field id 'name', first defined at $.fields[0]"),
                Arguments.of("select without options", sample("", "{\"id\": \"level\", \"type\": \"select\"}"),
                        "$.fields[1].options", "select field 'level' needs at least one option"),
                Arguments.of("multiselect with empty options", sample("", "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": []}"),
                        "$.fields[1].options", "multiselect field 'tags' needs at least one option"),
                Arguments.of("duplicate option value", sample("", "{\"id\": \"level\", \"type\": \"select\", \"options\": [\"KEY\", {\"value\": \"KEY\", \"label\": {\"zh\": \"大客户\"}}]}"),
                        "$.fields[1].options[1]", "duplicate option value 'KEY'"),
                Arguments.of("blank option value", sample("", "{\"id\": \"level\", \"type\": \"select\", \"options\": [\"KEY\", \" \"]}"),
                        "$.fields[1].options[1]", "option value is blank"),
                Arguments.of("option value too long", sample("", "{\"id\": \"level\", \"type\": \"select\", \"options\": [\"" + "x".repeat(65) + "\"]}"),
                        "$.fields[1].options[0]", "option value '" + "x".repeat(65) + "' is longer than 64 characters"),
                Arguments.of("options on a text field", sample("", "{\"id\": \"code\", \"type\": \"text\", \"options\": [\"A\"]}"),
                        "$.fields[1].options", "options are only allowed on select and multiselect fields, not on text"),
                Arguments.of("reference without form", sample("", "{\"id\": \"customer\", \"type\": \"reference\"}"),
                        "$.fields[1].form", "a reference field needs 'form': the id of the form it points to"),
                Arguments.of("subtable without form", sample("", "{\"id\": \"lines\", \"type\": \"subtable\"}"),
                        "$.fields[1].form", "a subtable field needs 'form': the id of the form it holds rows of"),
                Arguments.of("reference to an unknown form", sample("", "{\"id\": \"buyer\", \"type\": \"reference\", \"form\": \"custmer\"}"),
                        "$.fields[1].form", "form 'custmer' is not defined (known forms: customer, sample)"),
                Arguments.of("subtable of its own form", sample("", "{\"id\": \"children\", \"type\": \"subtable\", \"form\": \"sample\"}"),
                        "$.fields[1].form", "a subtable cannot hold rows of its own form 'sample'"),
                Arguments.of("form on a text field", sample("", "{\"id\": \"code\", \"type\": \"text\", \"form\": \"customer\"}"),
                        "$.fields[1].form", "'form' is only allowed on reference and subtable fields, not on text"),
                Arguments.of("computed without expression", sample("", "{\"id\": \"total\", \"type\": \"computed\", \"resultType\": \"decimal\"}"),
                        "$.fields[1].expression", "a computed field needs an 'expression'"),
                Arguments.of("computed without resultType", sample("", "{\"id\": \"total\", \"type\": \"computed\", \"expression\": \"1 + 1\"}"),
                        "$.fields[1].resultType", "a computed field needs a 'resultType', the plain type its value is stored as"),
                Arguments.of("computed stored as a subtable", sample("", "{\"id\": \"total\", \"type\": \"computed\", \"expression\": \"1\", \"resultType\": \"subtable\"}"),
                        "$.fields[1].resultType", "resultType must be a plain stored type, not subtable"),
                Arguments.of("expression on a text field", sample("", "{\"id\": \"code\", \"type\": \"text\", \"expression\": \"'A'\"}"),
                        "$.fields[1].expression", "'expression' is only allowed on computed fields"),
                Arguments.of("min greater than max", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"min\": 10, \"max\": 5}"),
                        "$.fields[1].min", "min 10 is greater than max 5"),
                Arguments.of("min on a text field", sample("", "{\"id\": \"code\", \"type\": \"text\", \"min\": 1}"),
                        "$.fields[1].min", "'min' is only allowed on number fields (integer, decimal, money, percent, rating), not on text"),
                Arguments.of("rating min below one", sample("", "{\"id\": \"stars\", \"type\": \"rating\", \"min\": 0}"),
                        "$.fields[1].min", "a rating's min must be between 1 and 5, not 0"),
                Arguments.of("rating max above five", sample("", "{\"id\": \"stars\", \"type\": \"rating\", \"max\": 10}"),
                        "$.fields[1].max", "a rating's max must be between 1 and 5, not 10"),
                Arguments.of("pattern on an integer field", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"pattern\": \"[0-9]+\"}"),
                        "$.fields[1].pattern", "'pattern' is only allowed on text, textarea, email, phone and url fields, not on integer"),
                Arguments.of("maxLength on an integer field", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"maxLength\": 3}"),
                        "$.fields[1].maxLength", "'maxLength' is only allowed on text and textarea fields, not on integer"),
                Arguments.of("scale on a money field", sample("", "{\"id\": \"amount\", \"type\": \"money\", \"scale\": 4}"),
                        "$.fields[1].scale", "'scale' is only allowed on decimal fields, not on money"),
                Arguments.of("currency on a decimal field", sample("", "{\"id\": \"rate\", \"type\": \"decimal\", \"currency\": \"USD\"}"),
                        "$.fields[1].currency", "'currency' is only allowed on money fields, not on decimal"),
                Arguments.of("money field and its currency column",
                        sample("", "{\"id\": \"amount\", \"type\": \"money\"}", "{\"id\": \"amount_currency\", \"type\": \"text\"}"),
                        "$.fields[2].id", "field id 'amount_currency' clashes with the currency column of money field 'amount'"),
                Arguments.of("unknown titleField", sample("\"titleField\": \"nme\""),
                        "$.titleField", "titleField 'nme' is not a field of this form"),
                Arguments.of("titleField of a multiselect", sample("\"titleField\": \"tags\"", "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": [\"A\"]}"),
                        "$.titleField", "titleField 'tags' is a multiselect field; a record title needs a single value"),
                Arguments.of("unknown ownerField", sample("\"ownerField\": \"owner\""),
                        "$.ownerField", "ownerField 'owner' is not a field of this form"),
                Arguments.of("ownerField that is not a user", sample("\"ownerField\": \"name\""),
                        "$.ownerField", "ownerField 'name' must be a user or reference field, but it is a text field"),
                Arguments.of("layout names an unknown field",
                        sample("\"layout\": [{\"section\": {\"zh\": \"基本信息\"}, \"columns\": 2, \"fields\": [\"name\", \"phone\"]}]"),
                        "$.layout[0].fields[1]", "layout names unknown field 'phone'"),
                Arguments.of("layout places a field twice",
                        sample("\"layout\": [{\"fields\": [\"name\"]}, {\"tab\": {\"en\": \"More\"}, \"fields\": [\"name\"]}]"),
                        "$.layout[1].fields[0]", "field 'name' is already placed at $.layout[0].fields[0]"),
                Arguments.of("text default on an integer", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"default\": \"ten\"}"),
                        "$.fields[1].default", "default 'ten' must be a whole number"),
                Arguments.of("fraction default on an integer", sample("", "{\"id\": \"age\", \"type\": \"integer\", \"default\": 2.5}"),
                        "$.fields[1].default", "default 2.5 must be a whole number"),
                Arguments.of("default below min", sample("", "{\"id\": \"quantity\", \"type\": \"integer\", \"min\": 1, \"default\": 0}"),
                        "$.fields[1].default", "default 0 is less than min 1"),
                Arguments.of("text default on a decimal", sample("", "{\"id\": \"rate\", \"type\": \"decimal\", \"default\": \"1.5\"}"),
                        "$.fields[1].default", "default '1.5' must be a number"),
                Arguments.of("select default that is no option", sample("", "{\"id\": \"level\", \"type\": \"select\", \"options\": [\"KEY\", \"NORMAL\"], \"default\": \"VIP\"}"),
                        "$.fields[1].default", "default 'VIP' is not one of the option values"),
                Arguments.of("multiselect default with an unknown value", sample("", "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": [\"A\", \"B\"], \"default\": [\"A\", \"C\"]}"),
                        "$.fields[1].default", "default ['A', 'C'] contains 'C', which is not one of the option values"),
                Arguments.of("multiselect default that is not a list", sample("", "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": [\"A\"], \"default\": \"A\"}"),
                        "$.fields[1].default", "default 'A' must be a list of option values"),
                Arguments.of("date default that is not ISO", sample("", "{\"id\": \"birthday\", \"type\": \"date\", \"default\": \"2024/05/01\"}"),
                        "$.fields[1].default", "default '2024/05/01' must be an ISO date such as 2024-05-01"),
                Arguments.of("datetime default without offset", sample("", "{\"id\": \"received_at\", \"type\": \"datetime\", \"default\": \"2024-05-01T09:30:00\"}"),
                        "$.fields[1].default", "default '2024-05-01T09:30:00' must be an ISO date-time with offset such as 2024-05-01T09:30:00+08:00"),
                Arguments.of("boolean default written as text", sample("", "{\"id\": \"is_primary\", \"type\": \"boolean\", \"default\": \"yes\"}"),
                        "$.fields[1].default", "default 'yes' must be true or false"),
                Arguments.of("default on a user field", sample("", "{\"id\": \"owner\", \"type\": \"user\", \"default\": \"admin\"}"),
                        "$.fields[1].default", "a default is not supported on user fields"),
                Arguments.of("unique multiselect", sample("", "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": [\"A\"], \"unique\": true}"),
                        "$.fields[1].unique", "'unique' is not allowed on multiselect fields"),
                Arguments.of("indexed textarea", sample("", "{\"id\": \"notes\", \"type\": \"textarea\", \"indexed\": true}"),
                        "$.fields[1].indexed", "'indexed' is not allowed on textarea fields"),
                Arguments.of("unique subtable", sample("", "{\"id\": \"lines\", \"type\": \"subtable\", \"form\": \"customer\", \"unique\": true}"),
                        "$.fields[1].unique", "'unique' is not allowed on subtable fields"),
                Arguments.of("permissions for an unknown field", sample("\"permissions\": {\"fields\": {\"salary\": {\"read\": [\"admin\"]}}}"),
                        "$.permissions.fields.salary", "permissions name unknown field 'salary'"),
                Arguments.of("field permissions written twice",
                        sample("\"permissions\": {\"fields\": {\"notes\": {\"read\": [\"admin\"]}}}",
                                "{\"id\": \"notes\", \"type\": \"textarea\", \"permissions\": {\"read\": [\"manager\"]}}"),
                        "$.permissions.fields.notes", "field 'notes' already has permissions at $.fields[1].permissions; write them in one place"));
    }

    private static void assertSingleProblem(String json, String path, String message) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> READER.read(SOURCE, json, Set.of("customer")));
        assertThat(e).as("expected the definition to be refused").isNotNull();
        assertThat(e.problems()).extracting(p -> p.source() + " " + p.jsonPath() + ": " + p.message())
                .containsExactly(SOURCE + " " + path + ": " + message);
    }

    /** Form {@code sample} with a text field {@code name}, the given top-level keys and further fields. */
    static String sample(String extraKeys, String... extraFields) {
        return form("sample", extraKeys, Stream.concat(Stream.of("{\"id\": \"name\", \"type\": \"text\"}"),
                Stream.of(extraFields)).toArray(String[]::new));
    }

    static String form(String id, String extraKeys, String... fields) {
        return "{\n  \"id\": \"" + id + "\",\n  \"label\": {\"zh\": \"样例\", \"en\": \"Sample\"},\n"
                + (extraKeys.isEmpty() ? "" : "  " + extraKeys + ",\n")
                + "  \"fields\": [\n    " + String.join(",\n    ", fields) + "\n  ]\n}\n";
    }
}
