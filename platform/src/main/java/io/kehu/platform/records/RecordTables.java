package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link RecordTable} of each published form, built once per published version instead of at every read: its
 * column handles, select lists and column positions are the same for every call (profiled in docs/benchmarks.md).
 * The catalog hands out the same definition object until the form is published again, so the entry is kept while it
 * is for that very object and replaced when a new version arrives.
 */
final class RecordTables {

    private final ConcurrentHashMap<String, RecordTable> byForm = new ConcurrentHashMap<>();

    RecordTable of(FormDefinition form) {
        RecordTable table = byForm.get(form.id());
        if (table == null || table.form != form) {
            table = new RecordTable(form);
            byForm.put(form.id(), table);
        }
        return table;
    }
}
