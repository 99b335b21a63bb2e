package io.kehu.platform.forms;

import io.kehu.platform.forms.storage.FormVersionStore;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Gives a new database its first forms: the run command loads the company's definitions from
 * {@code form-definitions/} and hands them here at start-up. A database that already has forms is left alone, so
 * changes made in the designer are never overwritten by the files.
 */
@Service
public class FormSeeder {

    /** Who published the seeded versions, as the version history shows it. */
    public static final String SEEDED_BY = "system";

    private final FormPublisher publisher;
    private final FormVersionStore store;

    FormSeeder(FormPublisher publisher, FormVersionStore store) {
        this.publisher = publisher;
        this.store = store;
    }

    /** Whether the database has no form yet, i.e. seeding would happen: lets a restart skip reading the files. */
    public boolean needsSeeding() {
        return store.isEmpty();
    }

    /**
     * Publishes {@code definitions} together (one plan, so they may reference each other in any order) when no form
     * exists yet.
     *
     * @return whether it seeded
     */
    public boolean seedIfEmpty(List<FormDefinition> definitions) {
        if (definitions.isEmpty() || !store.isEmpty()) {
            return false;
        }
        publisher.publishAll(definitions, SEEDED_BY, "Initial definitions");
        return true;
    }
}
