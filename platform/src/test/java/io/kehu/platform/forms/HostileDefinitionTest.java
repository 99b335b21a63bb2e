package io.kehu.platform.forms;

import static io.kehu.platform.forms.MalformedDefinitionTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kehu.platform.forms.DefinitionProblem.Kind;
import io.kehu.platform.forms.reading.DefinitionLimits;
import io.kehu.platform.forms.reading.DefinitionSchema;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Definitions written to hurt: numbers beyond {@code long} and {@code double}, exponents that would take minutes to
 * expand, lists and texts far beyond any real form, defaults that do not fit their column, patterns that backtrack.
 * Each must be refused quickly with exactly one problem, at the JSON path to fix and of the expected kind; translated
 * kinds must read in zh-CN as well. The sample form has a text field {@code name} at index 0; the field under test
 * is at index 1.
 */
class HostileDefinitionTest {

    private static final DefinitionReader READER = new DefinitionReader();
    private static final String SOURCE = "hostile.json";
    /** Far more than any case needs on a busy machine; the defects this guards against took 20 to 100 seconds. */
    private static final long FAST_MILLIS = 3_000;
    private static final String CATASTROPHIC = "(a+)+$";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedQuicklyAtItsPath(String name, String json, String path, Kind kind, String fragment) {
        long start = System.nanoTime();
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> READER.read(SOURCE, json, Set.of("customer")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e).as("expected the definition to be refused").isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        DefinitionProblem problem = e.problems().getFirst();
        assertThat(problem.source()).isEqualTo(SOURCE);
        assertThat(problem.jsonPath()).isEqualTo(path);
        assertThat(problem.kind()).isEqualTo(kind);
        assertThat(problem.message()).contains(fragment);
        assertThat(millis).as("milliseconds to refuse").isLessThan(FAST_MILLIS);
        if (kind != Kind.SYNTAX && kind != Kind.SCHEMA && kind != Kind.MEANING) {
            String zh = problem.message(Locale.SIMPLIFIED_CHINESE);
            assertThat(zh).isNotEqualTo(problem.message()).doesNotContainPattern("\\{\\d\\}")
                    .containsPattern("\\p{IsHan}");
            assertThat(problem.message(Locale.ENGLISH)).isEqualTo(problem.message());
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // The document as a whole
                of("document over a million characters", sample("") + " ".repeat(1_000_000),
                        "$", Kind.DOCUMENT_TOO_LARGE, "at most 1000000"),
                of("nesting 40 levels deep", sample("\"icon\": " + "[".repeat(40) + "]".repeat(40)),
                        "$", Kind.SYNTAX, "nesting depth"),
                of("a number of 1001 digits", sample("", field("age", "integer", "\"min\": " + "9".repeat(1001))),
                        "$", Kind.SYNTAX, "Number value length"),

                // Lists and objects
                of("301 fields", sampleWithFields(301), "$.fields", Kind.TOO_MANY, "301; at most 300"),
                of("1001 options", sample("", field("level", "select", "\"options\": " + strings(1001))),
                        "$.fields[1].options", Kind.TOO_MANY, "1001; at most 1000"),
                of("multiselect default of 1001 values",
                        sample("", field("tags", "multiselect", "\"options\": [\"A\"], \"default\": " + strings(1001))),
                        "$.fields[1].default", Kind.TOO_MANY, "at most 1000"),
                of("101 layout sections", sample("\"layout\": " + repeat(101, "{\"fields\": [\"name\"]}")),
                        "$.layout", Kind.TOO_MANY, "101; at most 100"),
                of("a layout section of 301 fields", sample("\"layout\": [{\"fields\": " + strings(301) + "}]"),
                        "$.layout[0].fields", Kind.TOO_MANY, "301; at most 300"),
                of("101 rules", sample("\"rules\": " + repeat(101,
                                "{\"on\": \"validate\", \"script\": \"true\", \"message\": {\"en\": \"x\"}}")),
                        "$.rules", Kind.TOO_MANY, "101; at most 100"),
                of("1001 roles", sample("\"permissions\": {\"read\": " + repeat(1001, "\"admin\"") + "}"),
                        "$.permissions.read", Kind.TOO_MANY, "at most 1000"),
                of("field permissions for 301 fields", sample("\"permissions\": {\"fields\": {" + IntStream.range(0, 301)
                                .mapToObj(i -> "\"f" + i + "\": {\"read\": [\"admin\"]}")
                                .collect(Collectors.joining(", ")) + "}}"),
                        "$.permissions.fields", Kind.TOO_MANY, "301; at most 300"),
                of("a field of 1001 unknown keys", sample("", "{\"id\": \"x\", \"type\": \"text\", " + IntStream.range(0, 1001)
                                .mapToObj(i -> "\"k" + i + "\": 1").collect(Collectors.joining(", ")) + "}"),
                        "$.fields[1]", Kind.TOO_MANY, "1003; at most 1000"),

                // Texts
                of("form id of 201 characters", MalformedDefinitionTest.form("a".repeat(201), "",
                                "{\"id\": \"name\", \"type\": \"text\"}"),
                        "$.id", Kind.TEXT_TOO_LONG, "201 characters"),
                of("form label of 201 characters", sample("\"icon\": \"users\"").replace("样例", "样".repeat(201)),
                        "$.label.zh", Kind.TEXT_TOO_LONG, "at most 200"),
                of("field label of 201 characters",
                        sample("", field("age", "integer", "\"label\": {\"en\": \"" + "x".repeat(201) + "\"}")),
                        "$.fields[1].label.en", Kind.TEXT_TOO_LONG, "at most 200"),
                of("help of 1001 characters",
                        sample("", field("age", "integer", "\"help\": {\"zh\": \"" + "帮".repeat(1001) + "\"}")),
                        "$.fields[1].help.zh", Kind.TEXT_TOO_LONG, "at most 1000"),
                of("rule message of 1001 characters", sample("\"rules\": [{\"on\": \"validate\", \"script\": \"true\", "
                                + "\"message\": {\"en\": \"" + "m".repeat(1001) + "\"}}]"),
                        "$.rules[0].message.en", Kind.TEXT_TOO_LONG, "at most 1000"),
                of("visibleWhen of 10001 characters", sample("", field("age", "integer",
                                "\"visibleWhen\": \"" + "1".repeat(10_001) + "\"")),
                        "$.fields[1].visibleWhen", Kind.TEXT_TOO_LONG, "at most 10000"),
                of("requiredWhen of 10001 characters", sample("", field("age", "integer",
                                "\"requiredWhen\": \"" + "1".repeat(10_001) + "\"")),
                        "$.fields[1].requiredWhen", Kind.TEXT_TOO_LONG, "at most 10000"),
                of("expression of 10001 characters", sample("", field("total", "computed",
                                "\"resultType\": \"integer\", \"expression\": \"" + "1".repeat(10_001) + "\"")),
                        "$.fields[1].expression", Kind.TEXT_TOO_LONG, "at most 10000"),
                of("rule script of 10001 characters", sample("\"rules\": [{\"on\": \"validate\", \"script\": \""
                                + "1".repeat(10_001) + "\", \"message\": {\"en\": \"x\"}}]"),
                        "$.rules[0].script", Kind.TEXT_TOO_LONG, "at most 10000"),
                of("pattern of 501 characters", sample("", field("code", "text", "\"pattern\": \"" + "a".repeat(501) + "\"")),
                        "$.fields[1].pattern", Kind.TEXT_TOO_LONG, "at most 500"),
                of("text default of 10001 characters", sample("", field("notes", "textarea",
                                "\"default\": \"" + "n".repeat(10_001) + "\"")),
                        "$.fields[1].default", Kind.TEXT_TOO_LONG, "at most 10000"),
                of("option value of 201 characters", sample("", field("level", "select",
                                "\"options\": [\"" + "o".repeat(201) + "\"]")),
                        "$.fields[1].options[0]", Kind.TEXT_TOO_LONG, "at most 200"),
                of("option label of 201 characters", sample("", field("level", "select",
                                "\"options\": [{\"value\": \"A\", \"label\": {\"zh\": \"" + "选".repeat(201) + "\"}}]")),
                        "$.fields[1].options[0].label.zh", Kind.TEXT_TOO_LONG, "at most 200"),
                of("icon of 201 characters", sample("\"icon\": \"" + "i".repeat(201) + "\""),
                        "$.icon", Kind.TEXT_TOO_LONG, "at most 200"),
                of("navigation group of 201 characters", sample("\"navigation\": {\"group\": \"" + "g".repeat(201) + "\"}"),
                        "$.navigation.group", Kind.TEXT_TOO_LONG, "at most 200"),
                of("field id of 201 characters", sample("", field("f".repeat(201), "text", null)),
                        "$.fields[1].id", Kind.TEXT_TOO_LONG, "at most 200"),
                of("a key of 201 characters", sample("", "{\"id\": \"x\", \"type\": \"text\", \"" + "k".repeat(201) + "\": 1}"),
                        "$.fields[1]", Kind.TEXT_TOO_LONG, "201 characters"),
                of("section title of 201 characters", sample("\"layout\": [{\"section\": {\"en\": \"" + "s".repeat(201)
                                + "\"}, \"fields\": [\"name\"]}]"),
                        "$.layout[0].section.en", Kind.TEXT_TOO_LONG, "at most 200"),

                // Numbers no definition needs, refused before anything compares or converts them
                of("maxLength 1e400", sample("", field("code", "text", "\"maxLength\": 1e400")),
                        "$.fields[1].maxLength", Kind.NUMBER_TOO_BIG, "number 1E+400"),
                of("maxLength beyond long", sample("", field("code", "text", "\"maxLength\": 9999999999999999999999999")),
                        "$.fields[1].maxLength", Kind.NUMBER_TOO_BIG, "at most 24 before"),
                of("scale 1E+1000000000", sample("", field("rate", "decimal", "\"scale\": 1E+1000000000")),
                        "$.fields[1].scale", Kind.NUMBER_TOO_BIG, "1E+1000000000"),
                of("min beyond double", sample("", field("rate", "decimal", "\"min\": -1e309")),
                        "$.fields[1].min", Kind.NUMBER_TOO_BIG, "-1E+309"),
                of("max beyond double", sample("", field("rate", "decimal", "\"max\": 1.7976931348623157E+309")),
                        "$.fields[1].max", Kind.NUMBER_TOO_BIG, "at most 24 before"),
                of("default 1E+1000000000", sample("", field("rate", "decimal", "\"default\": 1E+1000000000")),
                        "$.fields[1].default", Kind.NUMBER_TOO_BIG, "1E+1000000000"),
                of("default 1E-1000000000", sample("", field("rate", "decimal", "\"default\": 1E-1000000000")),
                        "$.fields[1].default", Kind.NUMBER_TOO_BIG, "10 after"),
                of("default with 11 decimals", sample("", field("rate", "decimal", "\"default\": 0.00000000001")),
                        "$.fields[1].default", Kind.NUMBER_TOO_BIG, "10 after"),
                of("integer default of 999 digits", sample("", field("age", "integer", "\"default\": " + "9".repeat(999))),
                        "$.fields[1].default", Kind.NUMBER_TOO_BIG, "…"),
                of("navigation order 1e400", sample("\"navigation\": {\"order\": 1e400}"),
                        "$.navigation.order", Kind.NUMBER_TOO_BIG, "1E+400"),
                of("navigation order beyond int", sample("\"navigation\": {\"order\": 2147483648}"),
                        "$.navigation.order", Kind.NUMBER_OUT_OF_RANGE, "-1000000 to 1000000"),
                of("navigation order below the range", sample("\"navigation\": {\"order\": -1000001}"),
                        "$.navigation.order", Kind.NUMBER_OUT_OF_RANGE, "number -1000001"),
                of("layout columns 1e30", sample("\"layout\": [{\"columns\": 1e30, \"fields\": [\"name\"]}]"),
                        "$.layout[0].columns", Kind.NUMBER_TOO_BIG, "1E+30"),
                of("a huge number where a text belongs", sample("\"icon\": 1e99999"),
                        "$.icon", Kind.NUMBER_TOO_BIG, "1E+99999"),

                // Numbers that a definition may hold but the field's column cannot
                of("integer default beyond long", sample("", field("age", "integer", "\"default\": 9223372036854775808")),
                        "$.fields[1].default", Kind.NUMBER_OUT_OF_RANGE, "to 9223372036854775807"),
                of("integer min below long", sample("", field("age", "integer", "\"min\": -9223372036854775809")),
                        "$.fields[1].min", Kind.NUMBER_OUT_OF_RANGE, "-9223372036854775808 to"),
                of("integer max 1e19", sample("", field("age", "integer", "\"max\": 1e19")),
                        "$.fields[1].max", Kind.NUMBER_OUT_OF_RANGE, "number 10000000000000000000"),
                of("decimal default wider than its column", sample("", field("rate", "decimal", "\"default\": 1e22")),
                        "$.fields[1].default", Kind.NUMBER_DOES_NOT_FIT, "numeric(24,2) of a decimal field: at most 22"),
                of("decimal default with more decimals than its scale", sample("", field("rate", "decimal", "\"default\": 1.234")),
                        "$.fields[1].default", Kind.NUMBER_DOES_NOT_FIT, "default 1.234 does not fit"),
                of("decimal of scale 10 with 15 integer digits",
                        sample("", field("rate", "decimal", "\"scale\": 10, \"default\": 123456789012345")),
                        "$.fields[1].default", Kind.NUMBER_DOES_NOT_FIT, "numeric(24,10)"),
                of("money default beyond numeric(19,2)", sample("", field("amount", "money", "\"default\": 100000000000000000")),
                        "$.fields[1].default", Kind.NUMBER_DOES_NOT_FIT, "numeric(19,2) of a money field"),
                of("money max with three decimals", sample("", field("amount", "money", "\"max\": 0.001")),
                        "$.fields[1].max", Kind.NUMBER_DOES_NOT_FIT, "max 0.001"),
                of("percent default beyond numeric(12,4)", sample("", field("share", "percent", "\"default\": 100000000")),
                        "$.fields[1].default", Kind.NUMBER_DOES_NOT_FIT, "numeric(12,4)"),
                of("percent min with five decimals", sample("", field("share", "percent", "\"min\": 0.00001")),
                        "$.fields[1].min", Kind.NUMBER_DOES_NOT_FIT, "min 0.00001"),

                // Text defaults longer than their column
                of("email default longer than 254", sample("", field("mail", "email",
                                "\"default\": \"" + "e".repeat(250) + "@x.cn\"")),
                        "$.fields[1].default", Kind.DEFAULT_TOO_LONG, "255 characters is longer than the 254"),
                of("phone default longer than 32", sample("", field("tel", "phone", "\"default\": \"" + "1".repeat(33) + "\"")),
                        "$.fields[1].default", Kind.DEFAULT_TOO_LONG, "the 32 characters"),
                of("text default longer than 255 without maxLength",
                        sample("", field("code", "text", "\"default\": \"" + "t".repeat(256) + "\"")),
                        "$.fields[1].default", Kind.DEFAULT_TOO_LONG, "the 255 characters"),
                of("url default longer than 2048", sample("", field("site", "url",
                                "\"default\": \"https://x.cn/" + "u".repeat(2040) + "\"")),
                        "$.fields[1].default", Kind.DEFAULT_TOO_LONG, "the 2048 characters"),

                // Patterns: RE2 syntax, linear time
                of("pattern with a back-reference", sample("", field("code", "text", "\"pattern\": \"(a)\\\\1\"")),
                        "$.fields[1].pattern", Kind.PATTERN, "no back-references"),
                of("pattern with a look-ahead", sample("", field("code", "text", "\"pattern\": \"(?=a)a\"")),
                        "$.fields[1].pattern", Kind.PATTERN, "pattern '(?=a)a' is not a valid regular expression"),
                of("pattern with an unclosed class", sample("", field("code", "text", "\"pattern\": \"[A-Z\"")),
                        "$.fields[1].pattern", Kind.PATTERN, "missing closing ]"),
                of("pattern with a possessive quantifier", sample("", field("code", "text", "\"pattern\": \"a++\"")),
                        "$.fields[1].pattern", Kind.PATTERN, "pattern 'a++'"),
                of("pattern with a repetition above 1000", sample("", field("code", "text", "\"pattern\": \"a{1001}\"")),
                        "$.fields[1].pattern", Kind.PATTERN, "a{1001}"),
                of("catastrophic pattern against its default", sample("", field("code", "textarea",
                                "\"maxLength\": 10000, \"pattern\": \"" + CATASTROPHIC + "\", \"default\": \"" + "a".repeat(5_000) + "!\"")),
                        "$.fields[1].default", Kind.MEANING, "does not match the pattern"),
                of("nested quantifiers against its default", sample("", field("code", "textarea",
                                "\"maxLength\": 10000, \"pattern\": \"(x+x+)+y\", \"default\": \"" + "x".repeat(5_000) + "\"")),
                        "$.fields[1].default", Kind.MEANING, "does not match the pattern"));
    }

    @Test
    void definitionsAtEveryLimitAreAccepted() {
        String atLimits = MalformedDefinitionTest.form("sample",
                "\"navigation\": {\"group\": \"" + "g".repeat(200) + "\", \"order\": -1000000}",
                Stream.concat(Stream.of(
                                field("name", "text", "\"help\": {\"zh\": \"" + "帮".repeat(1000) + "\"}"),
                                field("level", "select", "\"options\": " + strings(1000)),
                                field("amount", "money", "\"min\": -99999999999999999.99, \"default\": 99999999999999999.99"),
                                field("count", "integer", "\"default\": 9223372036854775807, \"min\": -9223372036854775808"),
                                field("rate", "decimal", "\"scale\": 10, \"default\": 12345678901234.0123456789"),
                                field("mail", "email", "\"default\": \"" + "e".repeat(249) + "@x.cn\""),
                                field("han", "text", "\"pattern\": \"\\\\p{Han}+\", \"default\": \"客户\"")),
                        IntStream.range(7, 300).mapToObj(i -> field("f" + i, "text", null)))
                        .toArray(String[]::new));

        FormDefinition form = READER.read(SOURCE, atLimits);

        assertThat(form.fields()).hasSize(DefinitionLimits.MAX_FIELDS);
        assertThat(form.field("level").orElseThrow().options()).hasSize(DefinitionLimits.MAX_OPTIONS);
        assertThat(form.navigationOrder()).isEqualTo(-1_000_000);
    }

    @Test
    void aCatastrophicPatternChecksALongValueInLinearTime() {
        // The longest text a field can hold (maxLength at most 10000), plus one.
        String value = "a".repeat(10_000) + "!";
        long start = System.nanoTime();

        assertThat(FieldPatterns.matches(CATASTROPHIC, value)).isFalse();
        assertThat(FieldPatterns.matches("(x+x+)+y", "x".repeat(10_001))).isFalse();
        assertThat(FieldPatterns.matches(CATASTROPHIC, "aaaa")).isTrue();

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1_000);
    }

    @Test
    void aPatternThatDoesNotCompileMatchesNothing() {
        // Only a version stored before patterns were checked with RE2 can hold one; its values are refused.
        assertThat(FieldPatterns.matches("(a)\\1", "aa")).isFalse();
        assertThatCode(() -> FieldPatterns.matches("[", "x")).doesNotThrowAnyException();
    }

    @Test
    void theSchemaTellsEditorsTheSameLimits() throws Exception {
        // Editors only see the schema; the reader checks the limits itself, before the schema, so the two must agree.
        tools.jackson.databind.JsonNode schema = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                getClass().getClassLoader().getResourceAsStream(DefinitionSchema.RESOURCE));
        tools.jackson.databind.JsonNode field = schema.path("$defs").path("field").path("properties");
        assertThat(schema.path("properties").path("fields").path("maxItems").asInt())
                .isEqualTo(DefinitionLimits.MAX_FIELDS);
        assertThat(field.path("options").path("maxItems").asInt()).isEqualTo(DefinitionLimits.MAX_OPTIONS);
        assertThat(field.path("pattern").path("maxLength").asInt()).isEqualTo(DefinitionLimits.MAX_PATTERN_CHARS);
        assertThat(schema.path("properties").path("navigation").path("properties").path("order").path("maximum")
                .asInt()).isEqualTo(DefinitionLimits.MAX_NAVIGATION_ORDER);
    }

    @Test
    void thereAreAtLeastSixtyHostileCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    }

    private static Arguments of(String name, String json, String path, Kind kind, String fragment) {
        return Arguments.of(name, json, path, kind, fragment);
    }

    private static String field(String id, String type, String extraKeys) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\"" + (extraKeys == null ? "" : ", " + extraKeys) + "}";
    }

    private static String sampleWithFields(int count) {
        return sample("", IntStream.range(1, count).mapToObj(i -> field("f" + i, "text", null))
                .toArray(String[]::new));
    }

    /** A JSON list of {@code count} distinct strings. */
    private static String strings(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"v" + i + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String repeat(int count, String item) {
        return "[" + String.join(", ", Collections.nCopies(count, item)) + "]";
    }
}
