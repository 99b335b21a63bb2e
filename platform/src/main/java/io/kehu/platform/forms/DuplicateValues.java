package io.kehu.platform.forms;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Finds values that would break a unique index about to be created on a column that already holds data. Checking
 * before publishing turns a failed {@code CREATE UNIQUE INDEX} halfway through the DDL (which H2 could not undo) into
 * a refusal that names the field and some of the duplicates.
 */
final class DuplicateValues {

    private static final int EXAMPLES = 3;

    private DuplicateValues() {
    }

    static List<String> find(DSLContext dsl, SchemaChange change) {
        List<String> refusals = new ArrayList<>();
        for (SchemaStep step : change.steps()) {
            if (step instanceof SchemaStep.CreateIndex index && index.unique() && index.existingColumn()) {
                Field<Object> column = field(name(index.column()));
                List<Object> duplicates = dsl.select(column).from(table(name(index.table())))
                        .where(column.isNotNull()).groupBy(column).having(count().gt(1))
                        .orderBy(column).limit(EXAMPLES).fetch(column);
                if (!duplicates.isEmpty()) {
                    refusals.add("Form '" + index.formId() + "', field '" + index.fieldId() + "': cannot become "
                            + "unique, because some values occur more than once (e.g. "
                            + duplicates.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + "). Instead, make those values unique first, then publish again.");
                }
            }
        }
        return refusals;
    }
}
