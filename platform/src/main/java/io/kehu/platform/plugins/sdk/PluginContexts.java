package io.kehu.platform.plugins.sdk;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.plugins.PluginFileStore;
import io.kehu.platform.plugins.PluginJobScheduler;
import io.kehu.platform.plugins.PluginLockStore;
import io.kehu.platform.plugins.PluginRegistry;
import io.kehu.platform.plugins.PluginSettingsStore;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.Workflows;
import io.kehu.sdk.locks.PluginLocks;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pf4j.PluginWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link HostPluginContext} of each loaded plugin, created on first use with the platform services it adapts, and
 * what a plugin declared (its settings). Kept apart from the host's lifecycle so that the host does not need every
 * service the SDK lends.
 */
@Component
public class PluginContexts {

    private final Map<String, HostPluginContext> contexts = new ConcurrentHashMap<>();
    private final Records records;
    private final BulkRecords bulk;
    private final FormCatalog catalog;
    private final PluginJobScheduler jobs;
    private final PluginSettingsStore settings;
    private final PluginEventBus events;
    private final CurrentUser currentUser;
    private final UserAccounts users;
    private final ObjectProvider<RuleEngine> rules;
    private final PluginRegistry registry;
    private final ObjectProvider<Workflows> workflows;
    private final SdkTransactions transactions;
    private final PluginLockStore locks;
    private final PluginFileStore files;
    private final io.kehu.platform.records.SavedListViews views;
    private final io.kehu.platform.notifications.OutsideMail mail;
    private final ObjectProvider<Teams> teams;

    PluginContexts(Records records, BulkRecords bulk, FormCatalog catalog, PluginJobScheduler jobs,
                   PluginSettingsStore settings, PluginEventBus events, CurrentUser currentUser, UserAccounts users,
                   ObjectProvider<RuleEngine> rules, PluginRegistry registry, ObjectProvider<Workflows> workflows,
                   PlatformTransactionManager transactionManager, PluginLockStore locks, PluginFileStore files,
                   io.kehu.platform.records.SavedListViews views,
                   io.kehu.platform.notifications.OutsideMail mail, ObjectProvider<Teams> teams) {
        this.views = views;
        this.mail = mail;
        this.teams = teams;
        this.workflows = workflows;
        this.files = files;
        this.transactions = new SdkTransactions(transactionManager);
        this.locks = locks;
        this.records = records;
        this.bulk = bulk;
        this.catalog = catalog;
        this.jobs = jobs;
        this.settings = settings;
        this.events = events;
        this.currentUser = currentUser;
        this.users = users;
        this.rules = rules;
        this.registry = registry;
    }

    /** The context of a loaded plugin (the same one for its main class and all its extensions). */
    public HostPluginContext of(PluginWrapper wrapper) {
        return contexts.computeIfAbsent(wrapper.getPluginId(),
                id -> new HostPluginContext(id, wrapper.getDescriptor().getVersion(), wrapper.getPluginClassLoader(),
                        records, bulk, this::currentActor, catalog, jobs, settings,
                        key -> declaredSetting(id, key), events, rules::getObject,
                        new SdkWorkflows(id, workflows::getObject, () -> users,
                                () -> Optional.ofNullable(currentActor()).orElse(Actor.system("plugin:" + id))),
                        transactions, new PluginLocks() {
                            @Override
                            public <T> T exclusively(String key, Supplier<T> work) {
                                return locks.exclusively(id, key, work);
                            }
                        }, new SdkUsers(() -> users, teams::getObject), new SdkFiles(id, files,
                                () -> Optional.ofNullable(currentActor()).map(Actor::username), Clock.systemUTC()),
                        views, new SdkMail(id, mail)));
    }

    public Optional<HostPluginContext> find(String pluginId) {
        return Optional.ofNullable(contexts.get(pluginId));
    }

    /** The plugin stopped: its services go. */
    public void stopped(String pluginId) {
        find(pluginId).ifPresent(HostPluginContext::stopped);
    }

    /** The plugin is unloaded: lets go of everything that ties its class loader. */
    public void release(String pluginId) {
        HostPluginContext context = contexts.remove(pluginId);
        if (context != null) {
            context.release();
        }
    }

    /** The settings a started plugin declares ({@code SettingsPage}), in display order. */
    public List<SettingField> declaredSettings(String pluginId) {
        return registry.get(pluginId).map(p -> p.get(SettingsPage.class).stream()
                .flatMap(page -> page.fields().stream()).toList()).orElse(List.of());
    }

    private Optional<SettingField> declaredSetting(String pluginId, String key) {
        return declaredSettings(pluginId).stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private Actor currentActor() {
        try {
            return currentUser.username().flatMap(users::findByUsername).map(Actor::of).orElse(null);
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
