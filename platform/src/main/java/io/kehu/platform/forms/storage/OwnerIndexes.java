package io.kehu.platform.forms.storage;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaStep;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up sync of the owner indexes ({@link FormTables#ownerIndex}). A publish creates the index of a new form and
 * follows a changed owner field ({@link SchemaSync}), but tables published before owner indexes existed would never get
 * one, as their definitions do not change; so at every start each published form with an owner field gets its index
 * if it lacks it. The statement is {@code CREATE INDEX IF NOT EXISTS}, the same on H2 and PostgreSQL, and a no-op once
 * the index is there. Building it on an existing large table holds writes to that table for the seconds it takes,
 * once; reads go on.
 */
@Component
public class OwnerIndexes {

    private static final Logger log = LoggerFactory.getLogger(OwnerIndexes.class);

    private final DSLContext dsl;
    private final FormCatalog catalog;
    private final FormPublisher publisher;

    OwnerIndexes(DSLContext dsl, FormCatalog catalog, FormPublisher publisher) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            ensure();
        } catch (IllegalStateException e) {
            // Lists still work without the index, only slower for STAFF users; the next start tries again.
            log.warn("Owner indexes could not be created: {}", e.getMessage());
        }
    }

    /**
     * Creates the missing owner indexes of all published forms now, on the calling thread, between publishes.
     *
     * @return the steps run (each one skipped by the database when its index existed)
     */
    List<SchemaStep> ensure() {
        List<SchemaStep> steps = new ArrayList<>();
        for (FormDefinition form : catalog.allPublished()) {
            steps.addAll(SchemaSync.ownerIndexes(form));
        }
        if (!steps.isEmpty()) {
            long began = System.nanoTime();
            publisher.betweenPublishes(() -> SchemaSync.apply(dsl, new SchemaChange(steps, List.of())));
            log.debug("Owner indexes of {} forms checked in {} ms", steps.size(),
                    (System.nanoTime() - began) / 1_000_000);
        }
        return steps;
    }
}
