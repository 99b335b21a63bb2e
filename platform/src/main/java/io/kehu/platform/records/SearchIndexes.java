package io.kehu.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.FormsPublished;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trigram indexes for quick search on PostgreSQL. Quick search is "contains, ignoring case" over a form's searchable
 * text fields ({@link QueryConditions#search}), which a B-tree cannot serve: on a million customers every search was a
 * sequential scan. A GIN index with {@code gin_trgm_ops} per searchable text column lets PostgreSQL answer
 * {@code ILIKE '%term%'} (three characters or more) from the index, one bitmap per column, OR-ed.
 *
 * <p>Indexes are built in the background with {@code CREATE INDEX CONCURRENTLY} after start-up and after each publish,
 * so users' writes don't wait for them (a publish waits for the one index being built: altering a table during the
 * build could deadlock); until an index is ready searches are just slower. An index
 * a failed concurrent build left invalid is dropped and built again. Without the {@code pg_trgm} extension (it is
 * "trusted", so the database owner may create it; a locked-down server may refuse) Kehu says so once and searches
 * without. H2 is left alone: its demo-sized tables don't need it.
 */
@Component
class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    /** Types stored as text that quick search matches with "contains" (options are matched by label instead). */
    private static final Set<FieldType> TEXT_TYPES =
            EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL, FieldType.PHONE, FieldType.URL);

    private final DSLContext dsl;
    private final FormCatalog catalog;
    private final FormPublisher publisher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kehu-search-indexes");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Boolean trigramsAvailable;

    SearchIndexes(DSLContext dsl, FormCatalog catalog, FormPublisher publisher) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (postgres()) {
            worker.execute(() -> ensureQuietly(catalog.allPublished().stream().map(FormDefinition::id).toList()));
        }
    }

    @EventListener
    void afterPublish(FormsPublished published) {
        if (postgres()) {
            worker.execute(() -> ensureQuietly(published.formIds()));
        }
    }

    /**
     * Builds the missing trigram indexes of these forms now, on the calling thread.
     *
     * @return the names of the indexes built
     */
    List<String> ensure(List<String> formIds) {
        List<String> built = new ArrayList<>();
        if (!postgres() || !trigramsAvailable()) {
            return built;
        }
        for (String formId : formIds) {
            FormDefinition form = catalog.published(formId).orElse(null);
            if (form == null) {
                continue;
            }
            String table = FormTables.table(formId);
            for (FieldDefinition field : form.fields()) {
                if (field.searchable() && TEXT_TYPES.contains(field.storedType())) {
                    String name = indexName(table, field.id());
                    publisher.betweenPublishes(() -> {
                        if (build(table, field.id(), name)) {
                            built.add(name);
                        }
                    });
                }
            }
        }
        return built;
    }

    /** The index name of a column: bounded like every other identifier Kehu makes. */
    static String indexName(String table, String column) {
        return FormTables.boundedName("tg_" + table + "__" + column);
    }

    private boolean build(String table, String column, String name) {
        Boolean valid = dsl.select(field("i.indisvalid", Boolean.class))
                .from("pg_index i join pg_class c on c.oid = i.indexrelid")
                .where(field("c.relname").eq(name))
                .fetchOne(0, Boolean.class);
        if (Boolean.TRUE.equals(valid)) {
            return false;
        }
        if (valid != null) {
            dsl.execute("drop index concurrently if exists " + dsl.render(name(name)));
        }
        long began = System.nanoTime();
        dsl.execute("create index concurrently if not exists " + dsl.render(name(name)) + " on "
                + dsl.render(name(table)) + " using gin ("
                + dsl.render(name(column)) + " gin_trgm_ops)");
        log.info("Quick-search index {} built in {} ms", name, (System.nanoTime() - began) / 1_000_000);
        return true;
    }

    private void ensureQuietly(List<String> formIds) {
        try {
            ensure(formIds);
        } catch (DataAccessException e) {
            // Searches still work without the index, only slower; the next publish or start tries again.
            log.warn("Quick-search indexes of {} could not be built: {}", formIds, e.getMessage());
        }
    }

    private boolean trigramsAvailable() {
        if (trigramsAvailable == null) {
            try {
                dsl.execute("create extension if not exists pg_trgm");
                trigramsAvailable = true;
            } catch (DataAccessException e) {
                trigramsAvailable = false;
                log.info("Quick search runs without trigram indexes: the PostgreSQL extension pg_trgm could not be "
                        + "created ({}). A database administrator can run CREATE EXTENSION pg_trgm; then restart Kehu.",
                        e.getMessage());
            }
        }
        return trigramsAvailable;
    }

    private boolean postgres() {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
