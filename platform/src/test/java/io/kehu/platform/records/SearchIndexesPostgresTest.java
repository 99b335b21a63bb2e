package io.kehu.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Quick search on PostgreSQL is served by trigram indexes: publishing a form builds one per searchable text column,
 * and the query {@code Records} runs for a quick search uses it. Sequential scans are switched off for this database
 * so the planner takes an index whenever one can answer the query, whatever the table's size.
 */
@KehuTest
@DirtiesContext
class SearchIndexesPostgresTest {

    private static PostgresDatabase database;

    @Autowired
    FormPublisher publisher;
    @Autowired
    SearchIndexes indexes;
    @Autowired
    Records records;
    @Autowired
    DSLContext dsl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        database = PostgresDatabase.create();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("alter database " + database.url().substring(database.url().lastIndexOf('/') + 1)
                    + " set enable_seqscan = off");
        }
        database.register(registry);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void quickSearchUsesTheTrigramIndexOfEachSearchableTextField() throws Exception {
        FieldDefinition name = searchable(FieldDefinition.of("name", FieldType.TEXT), true);
        FieldDefinition email = searchable(FieldDefinition.of("email", FieldType.EMAIL), true);
        FieldDefinition code = searchable(FieldDefinition.of("code", FieldType.TEXT), false);
        FormDefinition form = new FormDefinition("search_probe", null, null, null, 0, "name", null,
                List.of(name, email, code), null, null, null);
        publisher.publish(form, "test", "search indexes");
        indexes.ensure(List.of("search_probe"));

        String table = FormTables.table("search_probe");
        assertThat(dsl.fetch("select indexname from pg_indexes where tablename = ?", table)
                .getValues(0, String.class))
                .contains(SearchIndexes.indexName(table, "name"), SearchIndexes.indexName(table, "email"))
                .doesNotContain(SearchIndexes.indexName(table, "code"));
        assertThat(indexes.ensure(List.of("search_probe"))).as("built once").isEmpty();

        Actor admin = Actor.system("test");
        records.create(admin, "search_probe", Map.of("name", "上海明德机械有限公司", "email", "li@mingde.cn", "code", "A1"));
        records.create(admin, "search_probe", Map.of("name", "Hangzhou Tea Co.", "email", "sales@tea.example"));

        assertThat(records.query(admin, RecordQuery.of("search_probe").search("明德机械")))
                .extracting(r -> r.values().get("name")).containsExactly("上海明德机械有限公司");
        assertThat(records.query(admin, RecordQuery.of("search_probe").search("TEA.EX"))).hasSize(1);

        records.create(admin, "search_probe", Map.of("name", "100% 纯棉 Cotton_Co", "email", "x@cotton.example"));
        records.create(admin, "search_probe", Map.of("name", "1000 Apples CottonXCo", "email", "y@apples.example"));
        assertThat(records.query(admin, RecordQuery.of("search_probe").search("100%")))
                .as("% is matched literally").extracting(r -> r.values().get("name"))
                .containsExactly("100% 纯棉 Cotton_Co");
        assertThat(records.query(admin, RecordQuery.of("search_probe").search("ton_Co")))
                .as("_ is matched literally").extracting(r -> r.values().get("name"))
                .containsExactly("100% 纯棉 Cotton_Co");

        assertThat(indexScans(SearchIndexes.indexName(table, "name"))).isPositive();
    }

    private long indexScans(String index) throws InterruptedException {
        // Backends report their counters shortly after a transaction ends, not at once.
        long deadline = System.nanoTime() + 20_000_000_000L;
        long scans = 0;
        while (scans == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            scans = dsl.fetchOne("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where indexrelname = ?",
                    index).get(0, Long.class);
        }
        return scans;
    }

    private static FieldDefinition searchable(FieldDefinition f, boolean searchable) {
        return new FieldDefinition(f.id(), f.type(), LocalizedText.of(f.id(), f.id()), null, false, null, null, null,
                null, null, null, null, null, false, false, false, true, searchable, null, null, null, null, null,
                null);
    }
}
