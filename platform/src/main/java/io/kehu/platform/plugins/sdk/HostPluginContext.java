package io.kehu.platform.plugins.sdk;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.plugins.BundleMessages;
import io.kehu.platform.plugins.PluginJobScheduler;
import io.kehu.platform.plugins.PluginSettingsStore;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.events.PluginEvent;
import io.kehu.sdk.events.PluginEvents;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.files.PluginFiles;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.forms.PluginDefinitions;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.jobs.PluginJobs;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.json.PluginJson;
import io.kehu.sdk.locks.PluginLocks;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.PluginTransactions;
import io.kehu.sdk.scripts.PluginScripts;
import io.kehu.sdk.services.PluginServices;
import io.kehu.sdk.settings.PluginSettings;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.ui.PluginComponents;
import io.kehu.sdk.users.PluginUsers;
import io.kehu.sdk.workflows.PluginWorkflows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} of one loaded plugin: thin adapters over the platform's services, each scoped to the
 * plugin (its settings, its jobs, its events, its bundle, its logger).
 */
public final class HostPluginContext implements PluginContext {

    private final String pluginId;
    private final String version;
    private final PluginRecords records;
    private final PluginRecords userRecords;
    private final Supplier<Actor> currentActor;
    private final PluginScripts scripts;
    private final FormCatalog catalog;
    private final PluginJobScheduler jobs;
    private final PluginSettingsStore settings;
    private final Function<String, Optional<SettingField>> declaredSettings;
    private final PluginEventBus events;
    private final BundleMessages messages;
    private final Logger logger;
    private final SdkJson json = new SdkJson();
    private final SdkExports exports = new SdkExports();
    private final SdkComponents components;
    private final SdkServices services;
    private final PluginWorkflows workflows;
    private final PluginTransactions transactions;
    private final PluginLocks locks;
    private final PluginUsers users;
    private final PluginFiles files;
    private final io.kehu.sdk.mail.PluginMail mail;

    HostPluginContext(String pluginId, String version, ClassLoader loader, Records records, BulkRecords bulk,
                      Supplier<Actor> currentActor, FormCatalog catalog, PluginJobScheduler jobs,
                      PluginSettingsStore settings, Function<String, Optional<SettingField>> declaredSettings,
                      PluginEventBus events, Supplier<RuleEngine> rules, PluginWorkflows workflows,
                      PluginTransactions transactions, PluginLocks locks, PluginUsers users, PluginFiles files,
                      io.kehu.platform.records.SavedListViews views, io.kehu.sdk.mail.PluginMail mail) {
        this.mail = mail;
        this.workflows = workflows;
        this.files = files;
        this.transactions = transactions;
        this.locks = locks;
        this.users = users;
        this.pluginId = pluginId;
        this.version = version;
        Actor self = Actor.system("plugin:" + pluginId);
        this.records = new SdkRecords(records, bulk, () -> self, views);
        this.userRecords = new SdkRecords(records, bulk, () -> Optional.ofNullable(currentActor.get()).orElse(self),
                views);
        this.currentActor = currentActor;
        this.scripts = new SdkScripts(rules, catalog, self);
        this.catalog = catalog;
        this.jobs = jobs;
        this.settings = settings;
        this.declaredSettings = declaredSettings;
        this.events = events;
        this.messages = new BundleMessages(loader);
        this.logger = LoggerFactory.getLogger("kehu.plugin." + pluginId);
        this.components = new SdkComponents(definitions());
        this.services = new SdkServices(logger);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public PluginRecords records() {
        return records;
    }

    @Override
    public PluginRecords recordsOfCurrentUser() {
        return userRecords;
    }

    @Override
    public PluginTransactions transactions() {
        return transactions;
    }

    @Override
    public Optional<String> currentUsername() {
        return Optional.ofNullable(currentActor.get()).map(Actor::username);
    }

    @Override
    public PluginScripts scripts() {
        return scripts;
    }

    @Override
    public PluginDefinitions definitions() {
        return new PluginDefinitions() {
            @Override
            public Optional<FormInfo> form(String formId) {
                return catalog.published(formId).map(SdkValues::form);
            }

            @Override
            public List<FormInfo> all() {
                return catalog.allPublished().stream().map(SdkValues::form).toList();
            }
        };
    }

    @Override
    public PluginJobs jobs() {
        return new PluginJobs() {
            @Override
            public Optional<JobStatus> status(String jobId) {
                return jobs.status(pluginId, jobId);
            }

            @Override
            public List<JobStatus> all() {
                return jobs.statuses(pluginId);
            }

            @Override
            public void runNow(String jobId) {
                jobs.runNow(pluginId, jobId);
            }
        };
    }

    @Override
    public PluginSettings settings() {
        return new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return settings.get(pluginId, key)
                        .or(() -> declaredSettings.apply(key).map(SettingField::defaultValue));
            }

            @Override
            public void put(String key, String value) {
                settings.put(pluginId, key, value);
            }

            @Override
            public Map<String, String> all() {
                return settings.all(pluginId);
            }

            @Override
            public <T> Optional<T> getJson(String key, JsonType<T> type) {
                Optional<String> text = get(key).filter(t -> !t.isBlank());
                try {
                    return text.map(t -> json.read(t, type));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Setting '" + key + "' of plugin " + pluginId + ": "
                            + e.getMessage(), e);
                }
            }

            @Override
            public void putJson(String key, Object value) {
                put(key, value == null ? null : json.write(value));
            }
        };
    }

    @Override
    public PluginEvents events() {
        return new PluginEvents() {
            @Override
            public void publish(String topic, Map<String, Object> payload) {
                events.publish(new PluginEvent(topic, pluginId, payload));
            }

            @Override
            public AutoCloseable subscribe(String topic, Consumer<PluginEvent> subscriber) {
                return events.subscribe(pluginId, topic, subscriber);
            }
        };
    }

    @Override
    public PluginMessages messages() {
        return messages;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public PluginJson json() {
        return json;
    }

    @Override
    public PluginExports exports() {
        return exports;
    }

    @Override
    public PluginComponents components() {
        return components;
    }

    @Override
    public PluginServices services() {
        return services;
    }

    /** The plugin stopped: its services go (a restart creates them afresh). */
    void stopped() {
        services.clear();
    }

    /** Lets go of what ties the plugin's class loader (cached bundles, event subscriptions, services). */
    void release() {
        services.clear();
        messages.release();
        events.forget(pluginId);
    }

    @Override
    public PluginWorkflows workflows() {
        return workflows;
    }

    @Override
    public PluginLocks locks() {
        return locks;
    }

    @Override
    public PluginUsers users() {
        return users;
    }

    @Override
    public PluginFiles files() {
        return files;
    }

    @Override
    public io.kehu.sdk.mail.PluginMail mail() {
        return mail;
    }
}
