package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A write about to happen, as {@link RecordGuard}s see it.
 *
 * @param form the form's published definition
 * @param action create, update, delete or restore
 * @param id the record id; {@code null} on create
 * @param values the complete values after the write (converted, computed fields included)
 * @param old the stored record before the write, as the platform sees it; empty on create
 * @param actor who writes
 * @param changed the fields whose value the write changes (on create: those that get a value; delete and restore:
 *     none)
 */
public record RecordChange(FormDefinition form, AuditAction action, Long id, Map<String, Object> values,
                           Optional<Record> old, Actor actor, Set<String> changed) {

    public RecordChange {
        changed = Set.copyOf(changed);
    }
}
