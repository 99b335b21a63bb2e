package io.kehu.platform.forms;

import static io.kehu.platform.forms.MalformedDefinitionTest.form;
import static io.kehu.platform.forms.MalformedDefinitionTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kehu.platform.forms.RuleCompileCheck.ScriptKind;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** How the reader treats whole texts and sets: syntax errors, problems across forms, the script hook, the model built. */
class DefinitionReaderTest {

    private final DefinitionReader reader = new DefinitionReader();

    @Test
    void syntaxErrorNamesLineAndColumn() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> reader.read("broken.json", "{\n  \"id\": \"sample\",\n  \"label\": }\n"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("broken.json");
            assertThat(p.jsonPath()).isEqualTo("$");
            assertThat(p.message()).startsWith("invalid JSON at line 3, column 12: Unexpected character ('}'");
        });
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> reader.read("twice.json", "{\"id\": \"a\",\n \"id\": \"b\"}"));

        assertThat(e.problems()).containsExactly(syntax("twice.json", "$",
                "invalid JSON at line 2, column 6: Duplicate Object property \"id\""));
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> reader.read("empty.json", "  "))
                .isInstanceOf(DefinitionException.class)
                .extracting(e -> ((DefinitionException) e).problems())
                .isEqualTo(List.of(syntax("empty.json", "$", "the definition is empty")));
    }

    @Test
    void everyProblemOfEverySourceIsReportedTogether() {
        String first = sample("\"titleField\": \"nme\"", "{\"id\": \"age\", \"type\": \"integer\", \"min\": 9, \"max\": 1}");
        String second = form("other", "", "{\"id\": \"x\", \"type\": \"txt\"}");

        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> reader.readAll(List.of(
                new DefinitionSource("first.json", first), new DefinitionSource("second.json", second))));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                schema("second.json", "$.fields[0].type",
                        "'txt' is not one of: text, textarea, integer, decimal, money, percent, date, datetime, "
                                + "boolean, select, multiselect, email, phone, url, rating, user, reference, subtable, "
                                + "computed"),
                new DefinitionProblem("first.json", "$.fields[1].min", "min 9 is greater than max 1"),
                new DefinitionProblem("first.json", "$.titleField", "titleField 'nme' is not a field of this form"));
        assertThat(e.getMessage()).isEqualTo("3 problems in form definitions:\n"
                + "  " + e.problems().get(0) + "\n"
                + "  " + e.problems().get(1) + "\n"
                + "  " + e.problems().get(2));
        assertThat(e.getMessage()).contains("first.json $.titleField: titleField 'nme' is not a field of this form");
    }

    @Test
    void duplicateFormIdInASetNamesTheFirstSource() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> reader.readAll(List.of(
                new DefinitionSource("customer.json", form("customer", "", "{\"id\": \"name\", \"type\": \"text\"}")),
                new DefinitionSource("customer-copy.json", form("customer", "", "{\"id\": \"name\", \"type\": \"text\"}")))));

        assertThat(e.problems()).containsExactly(new DefinitionProblem("customer-copy.json", "$.id",
                "form id 'customer' is already defined in customer.json"));
    }

    @Test
    void formsOfASetMayPointAtEachOther() {
        List<FormDefinition> forms = reader.readAll(List.of(
                new DefinitionSource("order.json", form("sales_order", "",
                        "{\"id\": \"buyer\", \"type\": \"reference\", \"form\": \"buyer\"}",
                        "{\"id\": \"lines\", \"type\": \"subtable\", \"form\": \"order_line\"}")),
                new DefinitionSource("buyer.json", form("buyer", "", "{\"id\": \"name\", \"type\": \"text\"}")),
                new DefinitionSource("line.json", form("order_line", "", "{\"id\": \"product\", \"type\": \"text\"}"))));

        assertThat(forms).extracting(FormDefinition::id).containsExactly("sales_order", "buyer", "order_line");
    }

    @Test
    void aReferenceMayPointAtAKnownFormOrAtItsOwnForm() {
        String json = form("branch", "", "{\"id\": \"company\", \"type\": \"reference\", \"form\": \"customer\"}",
                "{\"id\": \"parent_branch\", \"type\": \"reference\", \"form\": \"branch\"}");

        assertThat(reader.read("branch.json", json, Set.of("customer")).fields()).hasSize(2);
        DefinitionException unknown = catchThrowableOfType(DefinitionException.class,
                () -> reader.read("branch.json", json));
        assertThat(unknown.problems()).containsExactly(new DefinitionProblem("branch.json", "$.fields[0].form",
                "form 'customer' is not defined (known forms: branch)"));
    }

    @Test
    void aFormWithSchemaProblemsStillCountsAsATarget() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> reader.readAll(List.of(
                new DefinitionSource("purchase.json", form("purchase", "",
                        "{\"id\": \"customer\", \"type\": \"reference\", \"form\": \"customer\"}")),
                new DefinitionSource("customer.json", form("customer", "\"colour\": \"red\"",
                        "{\"id\": \"name\", \"type\": \"text\"}")))));

        assertThat(e.problems()).containsExactly(
                schema("customer.json", "$.colour", "unknown key 'colour'"));
    }

    @Test
    void rulesEngineHookSeesEveryScriptWithItsKind() {
        List<String> seen = new ArrayList<>();
        RuleCompileCheck check = (form, kind, script) -> {
            seen.add(kind + ":" + script);
            return script.contains("???") ? Optional.of("unexpected token: ?") : Optional.empty();
        };
        String json = sample("\"rules\": [{\"on\": \"validate\", \"script\": \"record.name ???\", "
                        + "\"message\": {\"zh\": \"名称无效\", \"en\": \"Invalid name\"}}]",
                "{\"id\": \"vip_note\", \"type\": \"textarea\", \"visibleWhen\": \"record.name != null\", "
                        + "\"requiredWhen\": \"record.name == 'VIP'\"}",
                "{\"id\": \"score\", \"type\": \"computed\", \"resultType\": \"integer\", \"expression\": \"1 ???\"}");

        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> new DefinitionReader(check).read("sample.json", json));

        assertThat(e.problems()).containsExactly(
                new DefinitionProblem("sample.json", "$.rules[0].script", "unexpected token: ?"),
                new DefinitionProblem("sample.json", "$.fields[2].expression", "unexpected token: ?"));
        assertThat(seen).containsExactly(
                ScriptKind.VALIDATION_RULE + ":record.name ???",
                ScriptKind.VISIBLE_WHEN + ":record.name != null",
                ScriptKind.REQUIRED_WHEN + ":record.name == 'VIP'",
                ScriptKind.COMPUTED_EXPRESSION + ":1 ???");
    }

    @Test
    void rolesAreCaseInsensitiveAndFieldPermissionsMayBeWrittenOnTheForm() {
        String json = sample("\"permissions\": {\"read\": [\"STAFF\", \"Manager\"], \"write\": [\"admin\"], "
                        + "\"fields\": {\"salary\": {\"read\": [\"ADMIN\"], \"write\": [\"admin\"]}}}",
                "{\"id\": \"salary\", \"type\": \"money\"}",
                "{\"id\": \"notes\", \"type\": \"textarea\", \"permissions\": {\"read\": [\"manager\"]}}");

        FormDefinition form = reader.read("sample.json", json);

        assertThat(form.access()).isEqualTo(new AccessRule(Set.of(Role.STAFF, Role.MANAGER), Set.of(Role.ADMIN)));
        assertThat(form.field("salary").orElseThrow().access())
                .isEqualTo(new AccessRule(Set.of(Role.ADMIN), Set.of(Role.ADMIN)));
        assertThat(form.field("notes").orElseThrow().access())
                .isEqualTo(new AccessRule(Set.of(Role.MANAGER), Set.of()));
        assertThat(form.field("name").orElseThrow().access()).isEqualTo(AccessRule.UNRESTRICTED);
    }

    @Test
    void optionsMayBePlainStringsOrLabelledValues() {
        FormDefinition form = reader.read("sample.json", sample("",
                "{\"id\": \"level\", \"type\": \"select\", \"default\": \"KEY\", \"options\": "
                        + "[{\"value\": \"KEY\", \"label\": {\"zh\": \"大客户\", \"en\": \"Key customer\"}}, \"NORMAL\"]}"));

        FieldDefinition level = form.field("level").orElseThrow();
        assertThat(level.options()).containsExactly(
                new FieldOption("KEY", LocalizedText.of("大客户", "Key customer")),
                new FieldOption("NORMAL", LocalizedText.EMPTY));
        assertThat(level.defaultValue()).isEqualTo("KEY");
    }

    @Test
    void defaultsTakeTheJavaTypeOfTheirField() {
        FormDefinition form = reader.read("sample.json", sample("",
                "{\"id\": \"quantity\", \"type\": \"integer\", \"default\": 1}",
                "{\"id\": \"rate\", \"type\": \"decimal\", \"scale\": 4, \"default\": 0.125}",
                "{\"id\": \"amount\", \"type\": \"money\", \"min\": 1E+3, \"default\": 1000}",
                "{\"id\": \"tags\", \"type\": \"multiselect\", \"options\": [\"A\", \"B\"], \"default\": [\"B\"]}",
                "{\"id\": \"active\", \"type\": \"boolean\", \"default\": true}"));

        assertThat(form.field("quantity").orElseThrow().defaultValue()).isEqualTo(1L);
        assertThat(form.field("rate").orElseThrow().defaultValue()).isEqualTo(new BigDecimal("0.125"));
        assertThat(form.field("amount").orElseThrow().defaultValue()).isEqualTo(new BigDecimal("1000"));
        assertThat(form.field("amount").orElseThrow().min()).isEqualTo(new BigDecimal("1000"));
        assertThat(form.field("tags").orElseThrow().defaultValue()).isEqualTo(List.of("B"));
        assertThat(form.field("active").orElseThrow().defaultValue()).isEqualTo(true);
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        FormDefinition form = reader.read("sample.json", sample(""));

        assertThat(form).isEqualTo(new FormDefinition("sample", LocalizedText.of("样例", "Sample"), null, null, 0,
                null, null, List.of(FieldDefinition.of("name", FieldType.TEXT)), List.of(), List.of(),
                AccessRule.UNRESTRICTED));
    }

    @Test
    void readsAFolderByFileNameAndSkipsTheSchemaFolder(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("schema"));
        Files.writeString(folder.resolve("schema").resolve("form-definition.schema.json"), "{}");
        Files.writeString(folder.resolve("b_form.json"), form("b_form", "", "{\"id\": \"name\", \"type\": \"text\"}"));
        Files.writeString(folder.resolve("a_form.json"), form("a_form", "", "{\"id\": \"name\", \"type\": \"text\"}"));
        Files.writeString(folder.resolve("README.md"), "not a definition");

        assertThat(reader.readFolder(folder)).extracting(FormDefinition::id).containsExactly("a_form", "b_form");
    }

    @Test
    void springCreatesTheReaderWithOrWithoutARulesEngine() {
        try (var plain = new AnnotationConfigApplicationContext(DefinitionReader.class)) {
            assertThat(plain.getBean(DefinitionReader.class).read("sample.json", sample(""))).isNotNull();
        }
        try (var withEngine = new AnnotationConfigApplicationContext()) {
            withEngine.registerBean(RuleCompileCheck.class, () -> (form, kind, script) -> Optional.of("refused"));
            withEngine.register(DefinitionReader.class);
            withEngine.refresh();
            String json = sample("", "{\"id\": \"note\", \"type\": \"text\", \"visibleWhen\": \"true\"}");
            assertThatThrownBy(() -> withEngine.getBean(DefinitionReader.class).read("sample.json", json))
                    .isInstanceOf(DefinitionException.class)
                    .hasMessageContaining("sample.json $.fields[1].visibleWhen: refused");
        }
    }

    private static DefinitionProblem syntax(String source, String path, String message) {
        return new DefinitionProblem(source, path, message, DefinitionProblem.Kind.SYNTAX, List.of());
    }

    private static DefinitionProblem schema(String source, String path, String message) {
        return new DefinitionProblem(source, path, message, DefinitionProblem.Kind.SCHEMA, List.of());
    }
}
