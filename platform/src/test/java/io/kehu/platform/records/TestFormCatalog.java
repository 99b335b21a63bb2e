package io.kehu.platform.records;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.name;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * An in-memory {@link FormCatalog} for the record tests: {@link #publish} creates the form's tables exactly as
 * {@link FormTables} describes them (standing in for the schema sync) and makes the definition visible.
 */
class TestFormCatalog implements FormCatalog {

    private final DSLContext dsl;
    private final Map<String, FormDefinition> forms = new ConcurrentHashMap<>();

    TestFormCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates the tables of {@code form} and publishes it. */
    FormDefinition publish(FormDefinition form) {
        createTables(dsl, form);
        forms.put(form.id(), form);
        return form;
    }

    @Override
    public Optional<FormDefinition> published(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    @Override
    public List<FormDefinition> allPublished() {
        return forms.values().stream().sorted(Comparator.comparing(FormDefinition::id)).toList();
    }

    /**
     * The form's table (system columns, one column per stored field, money's currency column) and one side table
     * per multiselect field.
     */
    static void createTables(DSLContext dsl, FormDefinition form) {
        CreateTableElementListStep table = dsl.createTable(name(FormTables.table(form.id())))
                .column(FormTables.ID, SQLDataType.BIGINT.identity(true))
                .column(FormTables.ROW_VERSION, SQLDataType.INTEGER.nullable(false).defaultValue(0))
                .column(FormTables.PARENT_ID, SQLDataType.BIGINT)
                .column(FormTables.CREATED_AT, SQLDataType.OFFSETDATETIME)
                .column(FormTables.CREATED_BY, SQLDataType.BIGINT)
                .column(FormTables.UPDATED_AT, SQLDataType.OFFSETDATETIME)
                .column(FormTables.UPDATED_BY, SQLDataType.BIGINT)
                .column(FormTables.DELETED_AT, SQLDataType.OFFSETDATETIME)
                .column(FormTables.DELETED_BY, SQLDataType.BIGINT);
        for (FieldDefinition f : form.fields()) {
            if (f.storedType().storedInOwnTable() && f.storedType() != FieldType.COMPUTED) {
                table = table.column(f.id(), FormTables.columnType(f));
                if (f.storedType() == FieldType.MONEY) {
                    table = table.column(FormTables.currencyColumn(f.id()), SQLDataType.VARCHAR(3));
                }
            }
        }
        table.constraints(constraint(FormTables.table(form.id()) + "_pk").primaryKey(FormTables.ID)).execute();
        for (FieldDefinition f : form.fields()) {
            if (f.storedType() == FieldType.MULTISELECT) {
                String side = FormTables.multiselectTable(form.id(), f.id());
                dsl.createTable(name(side))
                        .column(FormTables.SIDE_RECORD_ID, SQLDataType.BIGINT.nullable(false))
                        .column(FormTables.SIDE_VALUE, SQLDataType.VARCHAR(FormTables.OPTION_VALUE_LENGTH)
                                .nullable(false))
                        .constraints(constraint(side + "_pk").primaryKey(FormTables.SIDE_RECORD_ID,
                                FormTables.SIDE_VALUE))
                        .execute();
            }
        }
    }
}
