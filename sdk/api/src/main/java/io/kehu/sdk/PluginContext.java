package io.kehu.sdk;

import io.kehu.sdk.events.PluginEvents;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.files.PluginFiles;
import io.kehu.sdk.forms.PluginDefinitions;
import io.kehu.sdk.jobs.PluginJobs;
import io.kehu.sdk.json.PluginJson;
import io.kehu.sdk.locks.PluginLocks;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.PluginTransactions;
import io.kehu.sdk.scripts.PluginScripts;
import io.kehu.sdk.services.PluginServices;
import io.kehu.sdk.settings.PluginSettings;
import io.kehu.sdk.ui.PluginComponents;
import io.kehu.sdk.users.PluginUsers;
import io.kehu.sdk.workflows.PluginWorkflows;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Everything the platform lends a plugin. A plugin class ({@link KehuPlugin}) and every extension receive it through
 * a constructor parameter of this type; a plugin never sees the plugin manager, Spring beans or a database
 * connection, so the platform can keep its permission checks, audit trail and transactions in one place.
 *
 * <pre>{@code
 * @Extension
 * public class GreetingWidget implements DashboardWidget {
 *     private final PluginContext context;
 *     public GreetingWidget(PluginContext context) { this.context = context; }
 *     ...
 * }
 * }</pre>
 */
public interface PluginContext {

    /** The plugin's id ({@code Plugin-Id}), e.g. {@code hello-kehu}. */
    String pluginId();

    /** The installed version ({@code Plugin-Version}). */
    String pluginVersion();

    /**
     * Form records, written through the platform's one write path (validation, rules, guards, audit, events). Writes
     * are made by the plugin itself (audited as {@code plugin:<id>}, all permissions).
     */
    PluginRecords records();

    /**
     * Form records as the signed-in user may see and change them, with that user's permissions: for views, panels
     * and widgets. Outside a user's request it behaves like {@link #records()}.
     */
    PluginRecords recordsOfCurrentUser();

    /**
     * Several record writes in one database transaction (all or nothing), with unique values taken by a concurrent
     * writer reported as {@link io.kehu.sdk.records.RecordException.Reason#DUPLICATE}: e.g. a ledger entry and the
     * balance kept beside it.
     */
    PluginTransactions transactions();

    /**
     * The user name of whoever is signed in, when called in a user's request (a view, a button's listener); empty in
     * jobs and background threads. Capture it before handing work to a thread, e.g. for
     * {@link io.kehu.sdk.records.BatchWrite#onBehalfOf}.
     */
    Optional<String> currentUsername();

    /** Admin-written Groovy scripts (e.g. a tier rule), run in the platform's rule sandbox. */
    PluginScripts scripts();

    /** The published form definitions, read-only. */
    PluginDefinitions definitions();

    /** The plugin's scheduled jobs: status and "run now". */
    PluginJobs jobs();

    /** The plugin's settings, persisted by the platform. */
    PluginSettings settings();

    /** Events between plugins (and from the platform), in memory, delivered synchronously. */
    PluginEvents events();

    /** Texts from the plugin's own bundle ({@code plugin-messages_en.properties}, {@code _zh_CN}). */
    PluginMessages messages();

    /** The plugin's logger, named {@code kehu.plugin.<id>}. */
    Logger logger();

    /** JSON read into and written from the plugin's own types, by the platform's JSON library. */
    PluginJson json();

    /** CSV and XLSX export of lazy row sources, with the platform's spreadsheet-formula neutralising. */
    PluginExports exports();

    /** Components the platform lends views: a lazy records grid, a chart. */
    PluginComponents components();

    /**
     * The plugin's own services, one per type while it runs: how views, jobs and listeners share state without
     * static fields. Emptied when the plugin stops.
     */
    PluginServices services();

    /**
     * Workflows, tasks (我的待办) and notices: take a transition, give someone a task about a record, tell users
     * something. Acts as the signed-in user in a user's request, else as the plugin.
     */
    PluginWorkflows workflows();

    /**
     * Database locks held until the current transaction ends, for checks that must not race between writers (e.g.
     * overlapping bookings of one person), on one node or many.
     */
    PluginLocks locks();

    /** The platform's users, read-only: ids of {@code user} fields, user names and display names. */
    PluginUsers users();

    /** Files (e.g. photos) kept in the platform's database, per plugin, under keys the plugin chooses. */
    PluginFiles files();

    /** Mail to customers and other outside addresses through the platform's SMTP server. */
    io.kehu.sdk.mail.PluginMail mail();
}
