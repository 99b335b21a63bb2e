package io.kehu.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.support.KehuTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A shipped form changed by a release reaches a database that already has it, as its next version, only while the
 * platform alone published it and only by adding: an administrator's or a plugin's form stays theirs, and nothing that
 * holds values is dropped.
 */
@KehuTest
class ShippedFormUpgradesTest {

    @Autowired
    ShippedFormUpgrades upgrades;
    @Autowired
    FormPublisher publisher;
    @Autowired
    FormCatalog catalog;
    @Autowired
    Records records;

    private final DefinitionReader reader = new DefinitionReader();

    private static final String V1 = """
            {"id": "%s", "label": {"zh": "回访单", "en": "Revisit"}, "titleField": "name",
             "fields": [
               {"id": "name", "type": "text", "required": true},
               {"id": "outcome", "type": "select", "options": ["good", "bad"]}
             ]}""";
    private static final String V2 = """
            {"id": "%s", "label": {"zh": "回访单", "en": "Revisit"}, "titleField": "name",
             "fields": [
               {"id": "name", "type": "text", "required": true},
               {"id": "outcome", "type": "select", "options": ["good", "bad", "unreachable"]},
               {"id": "revisited_at", "type": "datetime", "label": {"zh": "回访时间", "en": "Revisited"}}
             ]}""";

    private FormDefinition read(String json, String id) {
        return reader.read(id + ".json", json.formatted(id));
    }

    private static String newId() {
        return "upg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aFormThePlatformSeededGainsTheShippedFieldsAndKeepsItsRecords() {
        String id = newId();
        publisher.publish(read(V1, id), FormSeeder.SEEDED_BY, "Initial definitions");
        Record before = records.create(Actor.system("test"), id, Map.of("name", "张三回访", "outcome", "good"));

        assertThat(upgrades.upgrade(List.of(read(V2, id)))).containsExactly(id);

        FormDefinition now = catalog.published(id).orElseThrow();
        assertThat(now.field("revisited_at")).isPresent();
        assertThat(now.field("outcome").orElseThrow().options()).extracting(FieldOption::value)
                .containsExactly("good", "bad", "unreachable");
        assertThat(publisher.versions(id)).hasSize(2).allSatisfy(v -> assertThat(v.publishedBy())
                .isEqualTo(FormSeeder.SEEDED_BY));
        Record after = records.get(Actor.system("test"), id, before.id()).orElseThrow();
        assertThat(after.get("outcome")).isEqualTo("good");
        assertThat(after.get("revisited_at")).isNull();
        // the next start finds it up to date
        assertThat(upgrades.upgrade(List.of(read(V2, id)))).isEmpty();
        assertThat(publisher.versions(id)).hasSize(2);
    }

    @Test
    void aFormAnAdministratorOrAPluginPublishedIsLeftAlone() {
        String edited = newId();
        publisher.publish(read(V1, edited), FormSeeder.SEEDED_BY, "Initial definitions");
        publisher.publish(read(V1.replace("回访单", "客户回访"), edited), "admin", "改名");
        String plugins = newId();
        publisher.publish(read(V1, plugins), "plugin:survey", "Shipped with plugin survey 1.0");

        assertThat(upgrades.upgrade(List.of(read(V2, edited), read(V2, plugins)))).isEmpty();
        assertThat(catalog.published(edited).orElseThrow().field("revisited_at")).isEmpty();
        assertThat(catalog.published(edited).orElseThrow().label().zh()).isEqualTo("客户回访");
        assertThat(catalog.published(plugins).orElseThrow().field("revisited_at")).isEmpty();
    }

    @Test
    void aShippedDefinitionThatWouldDropAFieldOrAnOptionIsNotApplied() {
        String id = newId();
        publisher.publish(read(V2, id), FormSeeder.SEEDED_BY, "Initial definitions");
        assertThat(upgrades.upgrade(List.of(read(V1, id)))).isEmpty();
        assertThat(ShippedFormUpgrades.lostBy(read(V2, id), read(V1, id))).isPresent();
        int field = V2.indexOf("{\"id\": \"revisited_at\"");
        String noField = V2.substring(0, V2.lastIndexOf(',', field)) + V2.substring(V2.indexOf('\n', field));
        assertThat(noField).doesNotContain("revisited_at");
        assertThat(ShippedFormUpgrades.lostBy(read(V2, id), read(noField, id))).contains("field revisited_at");
        String noOption = V2.replace(", \"unreachable\"", "");
        assertThat(ShippedFormUpgrades.lostBy(read(V2, id), read(noOption, id)))
                .contains("option unreachable of field outcome");
        assertThat(publisher.versions(id)).hasSize(1);
    }
}
