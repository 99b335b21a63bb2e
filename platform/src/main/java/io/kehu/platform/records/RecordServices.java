package io.kehu.platform.records;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.storage.CustomPlanReads;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The collaborators single and bulk writes share, so that both paths reach the same rules, guards, catalog and value
 * conversion (and a new collaborator is added in one place).
 */
@Component
final class RecordServices {

    private final DSLContext dsl;
    private final CustomPlanReads customPlans;
    private final FormCatalog catalog;
    private final Visibility visibility;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RecordRules> rules;
    private final ObjectProvider<RecordGuard> guards;
    private final FieldValues fieldValues = new FieldValues(ZoneId.systemDefault());
    private final RecordTables tables = new RecordTables();
    private final RenderedQueries renderedQueries = new RenderedQueries();
    private final ListColumns listColumns;

    RecordServices(DSLContext dsl, CustomPlanReads customPlans, FormCatalog catalog, AuditTrail audit, UserAccounts users,
                   ApplicationEventPublisher events, ObjectProvider<RecordRules> rules,
                   ObjectProvider<RecordGuard> guards, ObjectProvider<ContributedColumns> contributedColumns) {
        this.dsl = dsl;
        this.customPlans = customPlans;
        this.catalog = catalog;
        this.visibility = new Visibility(catalog, tables);
        this.audit = audit;
        this.users = users;
        this.events = events;
        this.rules = rules;
        this.guards = guards;
        this.listColumns = new ListColumns(catalog, tables, visibility, contributedColumns);
    }

    /** The list columns other features contribute, checked against the published forms. */
    ListColumns listColumns() {
        return listColumns;
    }

    DSLContext dsl() {
        return dsl;
    }

    /**
     * The context for statements PostgreSQL should plan with their values every time ({@link CustomPlanReads}): the
     * filtered list pages.
     */
    CustomPlanReads customPlans() {
        return customPlans;
    }

    /** The SQL of reads, kept per statement shape and form version. */
    RenderedQueries renderedQueries() {
        return renderedQueries;
    }

    FormCatalog catalog() {
        return catalog;
    }

    Visibility visibility() {
        return visibility;
    }

    AuditTrail audit() {
        return audit;
    }

    UserAccounts users() {
        return users;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    FieldValues fieldValues() {
        return fieldValues;
    }

    /** The table of {@code form}, built once per published version. */
    RecordTable table(FormDefinition form) {
        return tables.of(form);
    }

    /** The table of the published form {@code formId} (for filters through a reference). */
    RecordTable publishedTable(String formId) {
        return tables.of(form(formId));
    }

    /** The form's rules (the Groovy engine), or none. */
    RecordRules rules() {
        return rules.getIfUnique(() -> RecordRules.NONE);
    }

    /** The published form {@code formId}. */
    FormDefinition form(String formId) {
        return catalog.published(formId).orElseThrow(() -> new IllegalArgumentException(
                "No published form " + formId));
    }

    /** The guards that may refuse writes to {@code form} now (bulk writes ask once per chunk). */
    List<RecordGuard> guardsWatching(FormDefinition form) {
        return guards.orderedStream().filter(g -> g.watches(form)).toList();
    }

    /** Asks {@code guards} about {@code change}; the first refusal aborts the write. */
    static void guard(List<RecordGuard> guards, RecordChange change) {
        for (RecordGuard g : guards) {
            Optional<LocalizedText> refusal = g.check(change);
            if (refusal.isPresent()) {
                throw new RecordRefusedException(refusal.get());
            }
        }
    }

    /** The time stamp of a write: UTC, to the microsecond both databases store. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
