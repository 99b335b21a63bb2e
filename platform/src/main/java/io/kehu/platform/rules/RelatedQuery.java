package io.kehu.platform.rules;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.script.RelatedRecords;
import io.kehu.platform.rules.script.RuleLimitException;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads {@code related(...)} rows through {@link Records#query}, as the rule's actor, so permissions and ownership
 * apply and the read joins the write's transaction. At most {@value RelatedRecords#MAX_ROWS} rows; when more match,
 * the rule fails rather than answer from a part of them.
 */
final class RelatedQuery implements RelatedRecords.Source {

    private final Supplier<Records> records;
    private final Supplier<FormCatalog> catalog;
    private final String ownFormId;
    private final Actor actor;

    RelatedQuery(Supplier<Records> records, Supplier<FormCatalog> catalog, String ownFormId, Actor actor) {
        this.records = records;
        this.catalog = catalog;
        this.ownFormId = ownFormId;
        this.actor = actor;
    }

    @Override
    public List<Map<String, Object>> rows(String formId, String referenceField, Long recordId,
                                          List<RelatedRecords.Condition> where) {
        String field = referenceField != null ? referenceField : referenceTo(formId);
        RecordQuery query = RecordQuery.of(formId).limit(RelatedRecords.MAX_ROWS)
                .where(Filter.of(field, Operator.EQUALS, recordId));
        for (RelatedRecords.Condition c : where) {
            query = query.where(Filter.of(c.field(), switch (c.operator()) {
                case ">=" -> Operator.GREATER_OR_EQUAL;
                case "<=" -> Operator.LESS_OR_EQUAL;
                default -> Operator.EQUALS;
            }, c.value()));
        }
        List<Record> rows = records.get().query(actor, query);
        if (rows.size() == RelatedRecords.MAX_ROWS
                && !records.get().query(actor, query.after(rows.getLast()).limit(1)).isEmpty()) {
            throw new RuleLimitException("more than " + RelatedRecords.MAX_ROWS + " related " + formId + " records");
        }
        return rows.stream().map(r -> r.values().asMap()).toList();
    }

    private String referenceTo(String formId) {
        return catalog.get().published(formId).flatMap(form -> form.fields().stream()
                        .filter(f -> f.type() == FieldType.REFERENCE && ownFormId.equals(f.form()))
                        .map(FieldDefinition::id).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("form " + formId + " has no reference to "
                        + ownFormId));
    }
}
