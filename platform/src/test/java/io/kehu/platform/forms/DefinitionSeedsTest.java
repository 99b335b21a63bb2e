package io.kehu.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.reading.DefinitionSchema;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed definitions in {@code form-definitions/} (what a new installation starts with) read cleanly as one set,
 * follow the schema they name, and survive export and re-import unchanged.
 */
class DefinitionSeedsTest {

    private static final Path SEEDS = Path.of("..", "form-definitions");
    private static final List<String> SEED_FILES = List.of(
            "contact_person.json", "customer.json", "customer_event.json", "feedback.json", "interaction.json",
            "purchase.json", "return_request.json");

    private final DefinitionReader reader = new DefinitionReader();
    private final DefinitionWriter writer = new DefinitionWriter();

    static Stream<String> seedFiles() {
        return SEED_FILES.stream();
    }

    @Test
    void seedsReadCleanlyAsOneSet() {
        List<FormDefinition> forms = reader.readFolder(SEEDS);

        assertThat(forms).extracting(FormDefinition::id)
                .containsExactly("contact_person", "customer", "customer_event", "feedback", "interaction", "purchase",
                        "return_request");
    }

    @Test
    void customerSeedFollowsTheAgreedShape() {
        Map<String, FormDefinition> forms = byId();
        FormDefinition customer = forms.get("customer");

        assertThat(customer.ownerField()).isEqualTo("account_manager");
        assertThat(customer.titleField()).isEqualTo("name");
        assertThat(customer.access()).isEqualTo(new AccessRule(Set.of(Role.STAFF, Role.MANAGER, Role.ADMIN),
                Set.of(Role.STAFF, Role.MANAGER, Role.ADMIN)));
        FieldDefinition level = customer.field("level").orElseThrow();
        assertThat(level.readOnly()).isTrue();
        assertThat(level.options()).extracting(FieldOption::value).containsExactly("KEY", "NORMAL", "POTENTIAL");
        assertThat(level.option("KEY").orElseThrow().label()).isEqualTo(LocalizedText.of("大客户", "Key customer"));
        assertThat(customer.field("lifecycle_stage").orElseThrow().options()).extracting(FieldOption::value)
                .containsExactly("potential", "new", "active", "loyal", "at_risk", "lost");
        assertThat(customer.field("contacts").orElseThrow().form()).isEqualTo("contact_person");
        assertThat(customer.field("phone").orElseThrow().unique()).isTrue();
        assertThat(customer.layout()).allSatisfy(s -> assertThat(s.columns()).isBetween(1, 2));
        assertThat(customer.layout()).anySatisfy(s -> assertThat(s.tab()).isNotNull());
        assertThat(forms.get("contact_person").navigationGroup()).isNull();
        // Interactions and purchases belong with their customer: STAFF see those of the customers they own.
        assertThat(forms.get("interaction").ownerField()).isEqualTo("customer");
        assertThat(forms.get("purchase").ownerField()).isEqualTo("customer");
        assertThat(forms.get("feedback").ownerField()).isEqualTo("handler");
    }

    @Test
    void everyLabelOfTheSeedsIsInChineseAndEnglish() {
        for (FormDefinition form : reader.readFolder(SEEDS)) {
            assertBilingual(form.id(), form.label());
            for (FieldDefinition field : form.fields()) {
                assertBilingual(form.id() + "." + field.id(), field.label());
                field.options().forEach(o -> assertBilingual(form.id() + "." + field.id() + "=" + o.value(), o.label()));
            }
            form.layout().forEach(s -> assertBilingual(form.id() + " section", s.title()));
            form.rules().forEach(r -> assertBilingual(form.id() + " rule", r.message()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void seedRoundTripsThroughTheWriter(String file) {
        Map<String, FormDefinition> forms = byId();
        FormDefinition seed = forms.values().stream()
                .filter(f -> (f.id() + ".json").equals(file)).findFirst().orElseThrow();

        String exported = writer.write(seed);
        FormDefinition reimported = reader.read(file, exported, forms.keySet());

        assertThat(reimported).isEqualTo(seed);
        assertThat(writer.write(reimported)).isEqualTo(exported);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void seedReferencesAndSatisfiesTheJsonSchema(String file) throws IOException {
        JsonNode seed = JsonMapper.builder().build().readTree(Files.readString(SEEDS.resolve(file)));

        assertThat(seed.path("$schema").asString()).isEqualTo(DefinitionWriter.SCHEMA_REFERENCE);
        assertThat(SEEDS.resolve(seed.path("$schema").asString()).normalize()).exists();
        assertThat(DefinitionSchema.load().validate(file, seed)).isEmpty();
    }

    @Test
    void theBuildPutsTheSchemaOnTheClasspath() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DefinitionSchema.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(SEEDS.resolve("schema").resolve("form-definition.schema.json")));
        }
    }

    private Map<String, FormDefinition> byId() {
        return reader.readFolder(SEEDS).stream()
                .collect(Collectors.toMap(FormDefinition::id, Function.identity()));
    }

    private static void assertBilingual(String what, LocalizedText text) {
        assertThat(text.zh()).as(what + " zh").isNotBlank();
        assertThat(text.en()).as(what + " en").isNotBlank();
    }
}
