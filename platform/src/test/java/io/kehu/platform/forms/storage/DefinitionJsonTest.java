package io.kehu.platform.forms.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.Definitions;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storage format of definitions: what is written reads back equal, it is the documented format inside a
 * versioned envelope, and rows written in format 1 (serialised model records; the samples under
 * {@code forms/stored-v1} were captured from the seeds by the code that wrote format 1) still read.
 */
public class DefinitionJsonTest {

    private static final Path SEEDS = Path.of("..", "form-definitions");

    @ParameterizedTest
    @ValueSource(strings = {"customer", "contact_person", "feedback", "interaction", "purchase"})
    void aVersionStoredInFormat1StillReads(String formId) {
        FormDefinition seed = asCaptured(new DefinitionReader().readFolder(SEEDS).stream()
                .filter(f -> f.id().equals(formId)).findFirst().orElseThrow());

        assertThat(DefinitionJson.readForm(resource(formId + ".definition_json"))).isEqualTo(seed);
        List<String> fieldRows = resource(formId + ".field_json.jsonl").lines().toList();
        assertThat(fieldRows).hasSameSizeAs(seed.fields());
        for (int i = 0; i < fieldRows.size(); i++) {
            assertThat(DefinitionJson.readField(fieldRows.get(i))).isEqualTo(seed.fields().get(i));
        }
    }

    @Test
    void format2IsTheDocumentedFormatInAVersionedEnvelope() {
        FormDefinition customer = new DefinitionReader().readFolder(SEEDS).getFirst();

        String stored = DefinitionJson.write(customer);

        assertThat(stored).startsWith("{\"format\":2,\"form\":{\"$schema\":");
        String documented = new DefinitionWriter().write(customer);
        assertThat(new DefinitionReader().read("again.json", documented, Set.of("customer", "contact_person")))
                .isEqualTo(DefinitionJson.readForm(stored));
        assertThat(DefinitionJson.write(customer.fields().getFirst())).startsWith("{\"format\":2,\"field\":{\"id\":");
    }

    @Test
    void aFormatFromANewerVersionIsRefusedByName() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> DefinitionJson.readForm("{\"format\": 3, \"form\": {}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 3").hasMessageContaining("newer version");
    }

    static String resource(String name) {
        try (InputStream in = DefinitionJsonTest.class.getResourceAsStream("/forms/stored-v1/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFullDefinitionReadsBackEqual() {
        FieldDefinition name = new FieldDefinition("name", FieldType.TEXT, LocalizedText.of("名称", "Name"),
                LocalizedText.of("全名", null), true, "无名", new BigDecimal("0.5"), new BigDecimal("99.95"), 120,
                "[^@]+", null, null, null, true, true, false, true, true, "record.x", "record.y", null, null, null,
                new AccessRule(Set.of(Role.MANAGER), Set.of(Role.ADMIN)));
        FieldDefinition level = Definitions.field("level", FieldType.SELECT).options("KEY", "NORMAL")
                .defaultValue("KEY").get();
        FieldDefinition tags = Definitions.field("tags", FieldType.MULTISELECT).options("A", "B")
                .defaultValue(List.of("A", "B")).get();
        FieldDefinition rate = Definitions.field("rate", FieldType.DECIMAL).scale(4)
                .defaultValue(new BigDecimal("1.2500")).get();
        FieldDefinition total = Definitions.field("total", FieldType.COMPUTED).resultType(FieldType.MONEY).get();
        FieldDefinition count = Definitions.field("visits", FieldType.INTEGER).defaultValue(3L).get();
        FieldDefinition active = Definitions.field("active", FieldType.BOOLEAN).defaultValue(true).get();
        FieldDefinition contacts = Definitions.field("contacts", FieldType.SUBTABLE).form("contact_person").get();
        FormDefinition customer = new FormDefinition("customer", LocalizedText.of("客户", "Customer"), "users", "crm",
                2, "name", "owner", List.of(name, level, tags, rate, total, count, active, contacts),
                List.of(new LayoutSection(LocalizedText.of("基本", "Basics"), LocalizedText.of("主", "Main"), 2,
                        List.of("name", "level"))),
                List.of(new FormRule("validate", "record.name", LocalizedText.of("必填", "Required"))),
                new AccessRule(Set.of(Role.STAFF), Set.of(Role.STAFF, Role.MANAGER)));

        String json = DefinitionJson.write(customer);

        assertThat(DefinitionJson.readForm(json)).isEqualTo(customer);
        assertThat(json).doesNotContain("\"empty\"").doesNotContain("null");
    }

    @Test
    void aFieldReadsBackEqual() {
        FieldDefinition field = Definitions.field("order_no", FieldType.TEXT).maxLength(40).unique().get();
        assertThat(DefinitionJson.readField(DefinitionJson.write(field))).isEqualTo(field);
    }

    @Test
    void columnShapesReadBackWhatTheyWrite() {
        for (String text : List.of("varchar(255)", "numeric(26,4)", "bigint", "smallint", "date", "boolean",
                "timestamp with time zone")) {
            assertThat(ColumnShape.parse(text).text()).isEqualTo(text);
        }
        assertThat(ColumnShape.of(FormTables.columnType(Definitions.field("p", FieldType.PERCENT).get())).text())
                .isEqualTo("numeric(12,4)");
    }

    /**
     * The seed as it was when the format-1 samples were captured: the shipped files have changed since (the customer's
     * e-mail became indexed for duplicate look-ups during imports; complaints gained 等待客户回复 for SLA pauses), and
     * those edits are undone here so that the samples are compared with what wrote them.
     */
    private static FormDefinition asCaptured(FormDefinition seed) {
        // complaints gained fields for overdue complaints and on-time revisits (docs/dashboards.md) after the capture
        Set<String> added = seed.id().equals("feedback")
                ? Set.of("overdue_since", "resolved_at", "revisited_at", "revisit_timing") : Set.of();
        List<FieldDefinition> fields = seed.fields().stream().filter(f -> !added.contains(f.id())).map(f -> {
            if (seed.id().equals("customer") && f.id().equals("email")) {
                return f.toBuilder().indexed(false).build();
            }
            if (seed.id().equals("feedback") && f.id().equals("status")) {
                return f.toBuilder().options(f.options().stream()
                        .filter(o -> !o.value().equals("waiting_customer")).toList()).build();
            }
            return f;
        }).toList();
        List<LayoutSection> layout = seed.layout().stream()
                .map(s -> new LayoutSection(s.title(), s.tab(), s.columns(),
                        s.fields().stream().filter(f -> !added.contains(f)).toList()))
                .filter(s -> !s.fields().isEmpty()).toList();
        return new FormDefinition(seed.id(), seed.label(), seed.icon(), seed.navigationGroup(),
                seed.navigationOrder(), seed.titleField(), seed.ownerField(), fields, layout, seed.rules(),
                seed.access(), seed.ownerDefault());
    }
}
