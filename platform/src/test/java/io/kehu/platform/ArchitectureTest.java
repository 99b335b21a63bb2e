package io.kehu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module rules the build enforces (docs/architecture.md, "Platform packages"): the SDK knows nothing of the
 * platform; platform features form no cycles, use each other only through their front package, and only the features
 * that own tables use jOOQ or JDBC. That plugins use only the SDK is checked in each plugin's own build (the testkit's
 * {@code PluginArchitectureTest}, inherited from the plugins parent pom), where their classes exist.
 * {@link ArchitectureRulesBiteTest} shows each rule failing on bad classes.
 */
class ArchitectureTest {

    private static final String PLATFORM = "io.kehu.platform";

    private static final JavaClasses PLATFORM_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLATFORM, "io.kehu.sdk");

    /** Features whose job includes their tables: the database setup, form tables and versions, record rows, queues. */
    static final List<String> STORAGE_FEATURES = List.of("storage", "forms", "records", "workflow", "webhooks");

    /**
     * Classes that each own one table in a feature that is otherwise not about storage. Moving them would split a
     * feature from its only table, so they are named here instead; a new one is a decision made in review.
     */
    static final Set<String> STORAGE_CLASSES = Set.of(
            PLATFORM + ".security.UserAccounts",        // kehu_user: accounts, password hashes, language
            PLATFORM + ".security.LoginEvents",         // kehu_login_event: sign-in pauses and unlocks (audit)
            PLATFORM + ".plugins.PluginStateStore",     // installed plugins and whether they are enabled
            PLATFORM + ".plugins.PluginSettingsStore",  // each plugin's settings (JSON)
            PLATFORM + ".plugins.JobLocks",             // one run of a plugin job across nodes (row locks)
            PLATFORM + ".plugins.PluginLockStore",      // kehu_plugin_lock: a plugin's named locks (row locks)
            PLATFORM + ".plugins.PluginFileStore",      // kehu_plugin_file: files plugins keep (visit photos)
            PLATFORM + ".views.SavedViews",             // kehu_saved_view: a user's saved list filters and columns
            PLATFORM + ".imports.mapping.MappingStore", // kehu_import_mapping: the last column mapping per form
            PLATFORM + ".imports.job.JobStore",         // kehu_import_job: imports, their settings and progress
            PLATFORM + ".imports.job.ImportedRows",     // kehu_import_row: rows an import wrote (resume, undo)
            PLATFORM + ".api.tokens.TokenStore",        // kehu_api_token: API tokens (hashes, scopes, revocation)
            PLATFORM + ".api.rest.IdempotencyKeys",     // kehu_api_idempotency: the first answer of each create key
            PLATFORM + ".notifications.Notifications",  // kehu_notification: the bell's in-app notifications
            PLATFORM + ".notifications.NotificationMails", // kehu_notification: each notice's mail state (outbox)
            PLATFORM + ".dashboards.StoredDashboards",  // kehu_dashboard: dashboards designed in the browser
            PLATFORM + ".metrics.internal.SnapshotStore", // kehu_metric_snapshot: closed periods as reported
            PLATFORM + ".metrics.internal.BreachStore", // kehu_kpi_breach: missed KPI targets, one task each
            PLATFORM + ".dedupe.match.RuleStore",       // kehu_duplicate_rules: duplicate rules per form
            PLATFORM + ".dedupe.merge.MergeLog",        // kehu_merge: what a merge changed and moved, for its undo
            PLATFORM + ".calendar.CalendarStore",       // kehu_business_calendar: the company's edited calendar
            PLATFORM + ".startup.StartupChecks");       // plain JDBC probe before Spring (and jOOQ) exist

    @Test
    void theSdkDoesNotKnowThePlatform() {
        noClasses().that().resideInAPackage("io.kehu.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORM + "..", "org.springframework..")
                .check(PLATFORM_CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(PLATFORM).check(PLATFORM_CLASSES);
    }

    @Test
    void featuresUseOnlyEachOthersFrontPackage() {
        ArchitectureRules.featuresUseOnlyEachOthersFront(PLATFORM).check(PLATFORM_CLASSES);
    }

    @Test
    void onlyStorageOwnersUseJooqOrJdbc() {
        ArchitectureRules.databaseAccessOnlyIn(PLATFORM, STORAGE_FEATURES, STORAGE_CLASSES).check(PLATFORM_CLASSES);
    }

    /** A renamed or removed storage class must leave the list too, or the list would grant more than it says. */
    @Test
    void everyNamedStorageClassExistsAndUsesTheDatabase() {
        for (String name : STORAGE_CLASSES) {
            assertThat(PLATFORM_CLASSES.contain(name)).as(name).isTrue();
            JavaClass owner = PLATFORM_CLASSES.get(name);
            assertThat(owner.getDirectDependenciesFromSelf())
                    .as(name + " uses jOOQ or JDBC")
                    .anyMatch(d -> isDatabaseAccess(d.getTargetClass().getPackageName()));
        }
    }

    private static boolean isDatabaseAccess(String packageName) {
        return packageName.startsWith("org.jooq") || packageName.startsWith("java.sql")
                || packageName.startsWith("javax.sql");
    }
}
