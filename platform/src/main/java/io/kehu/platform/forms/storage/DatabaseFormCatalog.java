package io.kehu.platform.forms.storage;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.PendingForms;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The published definitions, read from the database once and kept in memory: views, the record store and plugins
 * ask for definitions on every request, while they change only when someone publishes.
 *
 * <p>Readers see an immutable snapshot through a volatile reference, never a half-updated map. The publisher calls
 * {@link #replace} after its transaction committed, which swaps in a new snapshot with the new versions, so readers
 * see each form either entirely before or entirely after a publish. The one exception is the publishing thread
 * itself inside a {@link PendingForms} scope, which sees what it is about to commit.
 */
@Service
public class DatabaseFormCatalog implements FormCatalog {

    private static final Comparator<FormDefinition> NAVIGATION_ORDER = Comparator
            .comparing(FormDefinition::navigationGroup, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(FormDefinition::navigationOrder)
            .thenComparing(FormDefinition::id);

    private final FormVersionStore store;
    private volatile Map<String, FormDefinition> forms;

    DatabaseFormCatalog(FormVersionStore store) {
        this.store = store;
    }

    @Override
    public Optional<FormDefinition> published(String formId) {
        Optional<FormDefinition> pending = PendingForms.of(formId);
        return pending.isPresent() ? pending : Optional.ofNullable(snapshot().get(formId));
    }

    @Override
    public List<FormDefinition> allPublished() {
        return PendingForms.over(snapshot().values().stream().sorted(NAVIGATION_ORDER).toList());
    }

    /** Reads every published version from the database again, e.g. after another node published. */
    public synchronized void reload() {
        Map<String, FormDefinition> loaded = new HashMap<>();
        store.allPublished().forEach(f -> loaded.put(f.id(), f));
        forms = Map.copyOf(loaded);
    }

    /** Takes over newly committed versions. */
    public synchronized void replace(Collection<FormDefinition> published) {
        Map<String, FormDefinition> next = new HashMap<>(snapshot());
        published.forEach(f -> next.put(f.id(), f));
        forms = Map.copyOf(next);
    }

    private Map<String, FormDefinition> snapshot() {
        Map<String, FormDefinition> current = forms;
        if (current == null) {
            synchronized (this) {
                if (forms == null) {
                    reload();
                }
                current = forms;
            }
        }
        return current;
    }
}
