package io.kehu.platform.adminhome;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.imports.ImportJob;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.plugins.PluginStatus;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.AuditEntry;
import io.kehu.platform.records.ListedCount;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.DeliveryStatus;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.Webhooks;
import io.kehu.platform.workflow.Workflows;
import io.kehu.platform.workspace.Workspace;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the start page's figures through the features' fronts, as the administrator: the customers as their list
 * counts them ({@code Records.count}: exact up to 10,000, an estimate beyond), the workspace's open-complaint count
 * (only that query, not the whole workspace, which the home page reads again below), the latest 200 audit entries grouped into
 * saves (8 shown), at most 200 imports and every webhook endpoint.
 */
@Component
class AdminDigests {

    static final int CHANGES = 8;
    /** An unfinished import nobody works on after this long has stalled. */
    static final Duration STALLED = Duration.ofHours(1);
    private static final Duration RECENT_FAILURE = Duration.ofDays(7);
    private static final Pattern PLUGIN_WRITER = Pattern.compile("plugin:([A-Za-z0-9._-]+)(?: for (.+))?");

    private final Records records;
    private final FormCatalog catalog;
    private final Workflows workflows;
    private final Workspace workspace;
    private final PluginHost plugins;
    private final Webhooks webhooks;
    private final Imports imports;
    private final UserAccounts accounts;
    private final Messages messages;

    AdminDigests(Records records, FormCatalog catalog, Workflows workflows, Workspace workspace,
                 PluginHost plugins, Webhooks webhooks, Imports imports, UserAccounts accounts, Messages messages) {
        this.records = records;
        this.catalog = catalog;
        this.workflows = workflows;
        this.workspace = workspace;
        this.plugins = plugins;
        this.webhooks = webhooks;
        this.imports = imports;
        this.accounts = accounts;
        this.messages = messages;
    }

    AdminDigest read(Actor admin, Locale locale, ZoneId zone) {
        // the list's own count: exact up to 10,000, beyond it the database's estimate (never a COUNT over every row)
        ListedCount customers = catalog.published("customer").map(f -> records.count(admin, RecordQuery.of(f.id())))
                .orElse(null);
        long complaints = workspace.openComplaints(admin, locale, zone);
        int tasks = workflows.countOpenTasks(admin, true, null);
        return new AdminDigest(customers, complaints, tasks, plugins(locale), attention(admin, locale, zone),
                changes(admin, locale));
    }

    private List<AdminDigest.PluginLine> plugins(Locale locale) {
        return plugins.plugins().stream()
                .map(p -> new AdminDigest.PluginLine(plugins.displayName(p.pluginId(), p.name(), locale),
                        p.version(), text(locale, "adminhome.plugin." + p.status().name().toLowerCase(Locale.ROOT)),
                        p.status() == PluginStatus.FAILED))
                .sorted((a, b) -> Boolean.compare(b.failed(), a.failed()))
                .toList();
    }

    private List<AdminDigest.Attention> attention(Actor admin, Locale locale, ZoneId zone) {
        List<AdminDigest.Attention> found = new ArrayList<>();
        for (PluginInfo p : plugins.plugins()) {
            if (p.status() == PluginStatus.FAILED) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.plugin",
                        plugins.displayName(p.pluginId(), p.name(), locale)), "admin/plugins"));
            }
        }
        for (WebhookEndpoint endpoint : webhooks.endpoints(admin)) {
            String name = endpointName(endpoint);
            if (!endpoint.enabled() && endpoint.disabledReason() != null) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.webhookOff", name),
                        "admin/webhooks"));
            } else if (endpoint.enabled() && endpoint.consecutiveFailures() > 0) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.webhookFailing", name,
                        endpoint.consecutiveFailures()), "admin/webhooks"));
            }
            int failed = webhooks.countDeliveries(admin, endpoint.id(), DeliveryStatus.FAILED);
            if (failed > 0) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.webhookFailed", name, failed),
                        "admin/webhooks"));
            }
            if (endpoint.ruleProblem() != null) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.webhookRule", name),
                        "admin/webhooks"));
            }
        }
        Instant now = Instant.now();
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(zone);
        for (ImportJob job : imports.jobs(admin)) {
            String form = catalog.published(job.formId()).map(f -> f.label().in(locale)).orElse(job.formId());
            Instant started = job.createdAt().toInstant();
            if ("FAILED".equals(job.status()) && started.isAfter(now.minus(RECENT_FAILURE))) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.importFailed", job.fileName(),
                        form, when.format(started)), "imports"));
            } else if (!job.finished() && started.isBefore(now.minus(STALLED))
                    && imports.progress(job.id()).isEmpty()) {
                found.add(new AdminDigest.Attention(text(locale, "adminhome.attention.importStalled", job.fileName(),
                        form, when.format(started)), "imports"));
            }
        }
        return found;
    }

    private static String endpointName(WebhookEndpoint endpoint) {
        if (endpoint.description() != null && !endpoint.description().isBlank()) {
            return endpoint.description();
        }
        try {
            String host = URI.create(endpoint.url()).getHost();
            return host == null ? endpoint.url() : host;
        } catch (IllegalArgumentException e) {
            return endpoint.url();
        }
    }

    /** The latest audit entries as saves: one line per record, writer, action and moment. */
    private List<AdminDigest.Change> changes(Actor admin, Locale locale) {
        Map<List<Object>, List<AuditEntry>> saves = new LinkedHashMap<>();
        for (AuditEntry e : records.recentChanges(admin, 200)) {
            List<Object> key = List.of(e.formId(), e.recordId(), e.action(), e.changedAt(),
                    Objects.toString(e.changedByName(), ""));
            if (!saves.containsKey(key) && saves.size() == CHANGES) {
                break;
            }
            saves.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        Map<Long, String> people = new HashMap<>();
        List<AdminDigest.Change> changes = new ArrayList<>();
        for (List<AuditEntry> save : saves.values()) {
            AuditEntry first = save.getFirst();
            FormDefinition form = catalog.published(first.formId()).orElse(null);
            if (form == null) {
                continue; // a form no longer published: nothing to name it by
            }
            String title = title(admin, form, first.recordId());
            String what = title.isEmpty() ? form.label().in(locale)
                    : text(locale, "adminhome.change.record", form.label().in(locale), title);
            String who = first.changedBy() != null
                    ? people.computeIfAbsent(first.changedBy(), id -> accounts.findById(id)
                            .map(a -> a.displayName()).orElse(Objects.toString(first.changedByName(), "")))
                    : writer(first.changedByName(), locale);
            changes.add(new AdminDigest.Change(who, first.changedAt().toInstant(),
                    text(locale, "adminhome.change." + first.action().code()), what,
                    first.action() == AuditAction.UPDATE ? fields(form, save, locale) : "",
                    first.action() == AuditAction.DELETE ? null : "forms/" + form.id() + "/" + first.recordId()));
        }
        return changes;
    }

    private String title(Actor admin, FormDefinition form, long id) {
        if (form.titleField() == null) {
            return "";
        }
        return records.get(admin, form.id(), id).map(r -> r.get(form.titleField()))
                .filter(v -> v instanceof CharSequence).map(Object::toString).orElse("");
    }

    /** The changed fields' labels, at most four, then how many more. */
    private String fields(FormDefinition form, List<AuditEntry> save, Locale locale) {
        List<String> labels = save.stream().map(AuditEntry::fieldId).filter(Objects::nonNull).distinct()
                .map(form::field).flatMap(java.util.Optional::stream)
                .map(FieldDefinition::label).filter(l -> !l.isEmpty()).map(l -> l.in(locale)).toList();
        String separator = text(locale, "adminhome.change.separator");
        if (labels.size() <= 4) {
            return String.join(separator, labels);
        }
        return text(locale, "adminhome.change.more", String.join(separator, labels.subList(0, 4)), labels.size());
    }

    /** The platform's own writers in words: 演示数据, 规则, a plugin's name. */
    private String writer(String recorded, Locale locale) {
        if (recorded == null || recorded.isBlank()) {
            return text(locale, "views.actor.system");
        }
        Matcher plugin = PLUGIN_WRITER.matcher(recorded);
        if (plugin.matches()) {
            return plugins.displayName(plugin.group(1), text(locale, "views.actor.pluginNamed", plugin.group(1)),
                    locale);
        }
        String known = text(locale, "views.actor." + recorded);
        return known.startsWith("!") ? text(locale, "views.actor.system") : known;
    }

    private String text(Locale locale, String key, Object... params) {
        return messages.getTranslation(key, locale, params);
    }
}
