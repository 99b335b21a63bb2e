package io.kehu.platform.metrics;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.metrics.internal.MetricJson;
import io.kehu.platform.metrics.internal.MetricQuery;
import io.kehu.platform.metrics.internal.SnapshotStore;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.security.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metrics: definitions read from {@code form-definitions/metrics/*.json} (shipped on the classpath) and their
 * computation in the database through {@link BulkRecords#aggregate}, so every figure is over the records the viewer
 * may see, and a field the viewer may not read cannot be measured (the aggregate refuses it with
 * {@code RecordAccessDeniedException}).
 */
@Service
public class Metrics {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    private static final String SHIPPED = "classpath*:form-definitions/metrics/*.json";

    private final FormCatalog catalog;
    private final BulkRecords bulk;
    private final SnapshotStore snapshots;
    /** Started plugins' metrics (SDK {@code MetricDefinitionProvider}): plugin id → source name → JSON. */
    private final Map<String, Map<String, String>> pluginMetrics = new java.util.concurrent.ConcurrentHashMap<>();

    Metrics(FormCatalog catalog, BulkRecords bulk, SnapshotStore snapshots) {
        this.catalog = catalog;
        this.bulk = bulk;
        this.snapshots = snapshots;
    }

    /**
     * Reads one definition against the published forms.
     *
     * @throws MetricDefinitionException with every problem, each at its JSON path
     */
    public MetricDefinition read(String source, String json) {
        MetricJson.Result result = new MetricJson(catalog::published).read(source, json);
        if (!result.problems().isEmpty()) {
            throw new MetricDefinitionException(result.problems());
        }
        return result.definition();
    }

    /**
     * The shipped metrics and those of started plugins that are valid against the published forms, by id (the
     * others are logged).
     */
    public List<MetricDefinition> definitions() {
        List<MetricDefinition> found = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(shipped());
        pluginMetrics.values().forEach(all::putAll);
        all.forEach((file, text) -> {
            MetricJson.Result result = new MetricJson(catalog::published).read(file, text);
            if (result.definition() != null) {
                found.add(result.definition());
            } else {
                log.warn("Metric {} is not used: {}", file, result.problems());
            }
        });
        found.sort(Comparator.comparing(MetricDefinition::id));
        return found;
    }

    public Optional<MetricDefinition> definition(String id) {
        return definitions().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * Puts a started plugin's metrics in use (SDK {@code MetricDefinitionProvider}). Unlike a shipped file, a plugin's
     * definition that does not read — or whose id another metric has — is an error: the plugin is then FAILED with
     * every problem rather than missing a widget silently.
     *
     * @param files source name → JSON; an empty map takes the plugin's metrics out
     * @throws MetricDefinitionException with every problem of every definition
     */
    public void putPluginMetrics(String pluginId, Map<String, String> files) {
        if (files.isEmpty()) {
            pluginMetrics.remove(pluginId);
            return;
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        Map<String, String> others = new LinkedHashMap<>(shipped());
        pluginMetrics.forEach((plugin, texts) -> {
            if (!plugin.equals(pluginId)) {
                others.putAll(texts);
            }
        });
        others.forEach((file, text) -> {
            MetricDefinition other = new MetricJson(catalog::published).read(file, text).definition();
            if (other != null) {
                taken.add(other.id());
            }
        });
        List<MetricProblem> problems = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        files.forEach((name, json) -> {
            String source = pluginId + "/" + name;
            MetricJson.Result result = new MetricJson(catalog::published).read(source, json);
            problems.addAll(result.problems());
            if (result.definition() != null && !taken.add(result.definition().id())) {
                problems.add(new MetricProblem(source, "$.id", "another metric is called '"
                        + result.definition().id() + "': give this one an id of its own, e.g. prefixed with the "
                        + "plugin's"));
            }
            named.put(source, json);
        });
        if (!problems.isEmpty()) {
            throw new MetricDefinitionException(problems);
        }
        pluginMetrics.put(pluginId, Map.copyOf(named));
    }

    /** Takes a stopped plugin's metrics out of use. */
    public void removePluginMetrics(String pluginId) {
        pluginMetrics.remove(pluginId);
    }

    /** Computes one request as {@code actor}; periods' days start at midnight in {@code zone}. */
    public MetricResult compute(Actor actor, MetricRequest request, ZoneId zone) {
        return compute(actor, List.of(request), zone).get(0);
    }

    /**
     * Computes {@code requests} as {@code actor}, in their order. Requests on the same form with the same filters,
     * groups and periods share one query.
     */
    public List<MetricResult> compute(Actor actor, List<MetricRequest> requests, ZoneId zone) {
        Map<List<Object>, List<Integer>> batches = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            batches.computeIfAbsent(MetricQuery.batchKey(requests.get(i)), k -> new ArrayList<>()).add(i);
        }
        MetricResult[] results = new MetricResult[requests.size()];
        for (List<Integer> batch : batches.values()) {
            MetricRequest first = requests.get(batch.get(0));
            FormDefinition form = catalog.published(first.metric().form()).orElseThrow(() ->
                    new IllegalArgumentException("Form " + first.metric().form() + " is not published"));
            List<MetricResult> computed = new MetricQuery(bulk, form, zone, catalog::published).compute(actor,
                    batch.stream().map(requests::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                results[batch.get(j)] = computed.get(j);
            }
        }
        return Arrays.asList(results);
    }

    /**
     * Like {@link #compute(Actor, List, ZoneId)}, but the closed periods of a trend read as first reported: a request
     * not narrowed by global filters, asked by a viewer who sees all records and that has at least one period still
     * open (ending after {@code today}) is computed live for its open periods only — which also checks the viewer may
     * measure its fields — and takes each closed period's figure from its snapshot (stored here the first time, as
     * {@link #snapshot} does). A 12-month trend then reads one month from the records and eleven stored figures. A
     * grouped request (complaints by severity per month, a table per handler) does the same per group: a closed
     * period's groups are stored together, once, and read back together. Every other request is computed live. A
     * closed period's value keeps its drill-through filters, which list today's records: when records of a closed
     * month changed after it was stored, the list can differ from the reported figure — that is what "as reported"
     * means. {@link MetricResult#reportedVersion()} says which definition version the stored figures come from.
     */
    public List<MetricResult> computeReported(Actor actor, List<MetricRequest> requests, ZoneId zone,
                                              LocalDate today) {
        List<MetricRequest> live = new ArrayList<>(requests.size());
        List<List<Integer>> openIndexes = new ArrayList<>(requests.size());
        for (MetricRequest r : requests) {
            List<Integer> open = new ArrayList<>();
            List<Period> periods = r.effectivePeriods();
            for (int p = 0; p < periods.size(); p++) {
                if (periods.get(p).end().isAfter(today)) {
                    open.add(p);
                }
            }
            boolean fromSnapshots = !actor.limitedToOwnRecords() && r.scope().isAll()
                    && !open.isEmpty() && open.size() < periods.size();
            openIndexes.add(fromSnapshots ? open : null);
            live.add(fromSnapshots ? new MetricRequest(r.metric(), open.stream().map(periods::get).toList(),
                    r.grouped(), r.scope()) : r);
        }
        List<MetricResult> computed = compute(actor, live, zone);
        // the closed periods, per metric and whether grouped: their snapshots, those missing computed over all
        // records in one batch and stored
        Map<Boolean, Map<String, java.util.Set<Period>>> closed = Map.of(false, new LinkedHashMap<>(), true,
                new LinkedHashMap<>());
        Map<String, MetricDefinition> byId = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (openIndexes.get(i) != null) {
                MetricRequest r = requests.get(i);
                byId.put(r.metric().id(), r.metric());
                for (Period p : r.effectivePeriods()) {
                    if (!p.end().isAfter(today)) {
                        closed.get(grouped(r)).computeIfAbsent(r.metric().id(), k -> new java.util.LinkedHashSet<>())
                                .add(p);
                    }
                }
            }
        }
        if (closed.get(false).isEmpty() && closed.get(true).isEmpty()) {
            return computed;
        }
        Map<SnapshotStore.Key, MetricSnapshot> stored = storedOrTaken(closed.get(false), byId, zone);
        Map<SnapshotStore.Key, List<SnapshotStore.Group>> storedGroups = storedGroupsOrTaken(closed.get(true), byId,
                zone);
        List<MetricResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            List<Integer> open = openIndexes.get(i);
            if (open == null) {
                results.add(computed.get(i));
                continue;
            }
            MetricRequest r = requests.get(i);
            MetricResult openResult = computed.get(i);
            FormDefinition form = catalog.published(r.metric().form()).orElseThrow();
            MetricQuery shape = new MetricQuery(bulk, form, zone, catalog::published);
            Map<MetricResult.Key, MetricValue> values = new LinkedHashMap<>();
            List<Period> periods = r.effectivePeriods();
            for (int p = 0; p < periods.size(); p++) {
                int at = open.indexOf(p);
                SnapshotStore.Key key = new SnapshotStore.Key(r.metric(), periods.get(p));
                if (!grouped(r)) {
                    values.put(new MetricResult.Key(p, List.of()), at >= 0 ? openResult.value(at)
                            : shape.reported(r, p, List.of(), stored.get(key)));
                } else if (at >= 0) {
                    for (List<Object> g : openResult.groups()) {
                        values.put(new MetricResult.Key(p, g), openResult.value(at, g));
                    }
                } else {
                    for (SnapshotStore.Group g : storedGroups.get(key)) {
                        values.put(new MetricResult.Key(p, g.groups()), shape.reported(r, p, g.groups(),
                                g.snapshot()));
                    }
                }
            }
            results.add(new MetricResult(r, values, (period, groups) -> shape.empty(r, period, groups),
                    r.metric().version()));
        }
        return results;
    }

    private static boolean grouped(MetricRequest r) {
        return r.grouped() && !r.metric().groupBy().isEmpty();
    }

    /** The stored figures of ungrouped closed periods; those missing computed over all records and stored. */
    private Map<SnapshotStore.Key, MetricSnapshot> storedOrTaken(Map<String, java.util.Set<Period>> closed,
                                                                 Map<String, MetricDefinition> byId, ZoneId zone) {
        List<SnapshotStore.Key> keys = new ArrayList<>();
        closed.forEach((id, periods) -> periods.forEach(p -> keys.add(new SnapshotStore.Key(byId.get(id), p))));
        Map<SnapshotStore.Key, MetricSnapshot> stored = new java.util.HashMap<>(snapshots.findAll(keys, zone));
        List<MetricRequest> missing = new ArrayList<>();
        closed.forEach((id, periods) -> {
            List<Period> absent = periods.stream().filter(p -> !stored.containsKey(new SnapshotStore.Key(byId.get(id),
                    p))).toList();
            if (!absent.isEmpty()) {
                missing.add(new MetricRequest(byId.get(id), absent, false));
            }
        });
        if (!missing.isEmpty()) {
            for (MetricResult result : compute(Actor.system("metric-snapshot"), missing, zone)) {
                List<Period> periods = result.request().periods();
                for (int p = 0; p < periods.size(); p++) {
                    MetricValue value = result.value(p);
                    stored.put(new SnapshotStore.Key(result.metric(), periods.get(p)), snapshots.store(
                            result.metric(), periods.get(p), zone, value.value(), value.n()));
                }
            }
        }
        return stored;
    }

    /** The stored groups of grouped closed periods; those missing computed over all records and stored. */
    private Map<SnapshotStore.Key, List<SnapshotStore.Group>> storedGroupsOrTaken(
            Map<String, java.util.Set<Period>> closed, Map<String, MetricDefinition> byId, ZoneId zone) {
        if (closed.isEmpty()) {
            return Map.of();
        }
        List<SnapshotStore.Key> keys = new ArrayList<>();
        Map<String, List<io.kehu.platform.forms.FieldType>> types = new java.util.HashMap<>();
        closed.forEach((id, periods) -> {
            MetricDefinition metric = byId.get(id);
            periods.forEach(p -> keys.add(new SnapshotStore.Key(metric, p)));
            FormDefinition form = catalog.published(metric.form()).orElseThrow();
            types.put(id, metric.groupBy().stream().map(g -> form.field(g).map(
                    io.kehu.platform.forms.FieldDefinition::storedType).orElse(null)).toList());
        });
        Map<SnapshotStore.Key, List<SnapshotStore.Group>> stored = new java.util.HashMap<>(
                snapshots.findGrouped(keys, types, zone));
        List<MetricRequest> missing = new ArrayList<>();
        closed.forEach((id, periods) -> {
            List<Period> absent = periods.stream().filter(p -> !stored.containsKey(new SnapshotStore.Key(byId.get(id),
                    p))).toList();
            if (!absent.isEmpty()) {
                missing.add(new MetricRequest(byId.get(id), absent, true));
            }
        });
        if (missing.isEmpty()) {
            return stored;
        }
        for (MetricResult result : compute(Actor.system("metric-snapshot"), missing, zone)) {
            List<Period> periods = result.request().periods();
            for (int p = 0; p < periods.size(); p++) {
                Map<List<Object>, MetricValue> groups = new LinkedHashMap<>();
                for (List<Object> g : result.groups()) {
                    MetricValue v = result.value(p, g);
                    if (result.hasValue(p, g)) {
                        groups.put(g, v);
                    }
                }
                snapshots.storeGrouped(result.metric(), periods.get(p), zone, groups);
            }
        }
        // read back what is stored now (another node may have been first: its groups are the reported ones)
        List<SnapshotStore.Key> taken = new ArrayList<>();
        missing.forEach(m -> m.periods().forEach(p -> taken.add(new SnapshotStore.Key(m.metric(), p))));
        stored.putAll(snapshots.findGrouped(taken, types, zone));
        return stored;
    }

    /**
     * The figure of a closed {@code period} (ended by {@code today}) over all records as first reported for the
     * metric's current definition version: stored the first time it is asked for, read back after that, so it stays
     * as reported when records change. Only for viewers who see all records (not STAFF limited to their own, whose
     * figures differ); empty for them and for periods not yet closed.
     */
    @Transactional
    public Optional<MetricSnapshot> snapshot(Actor viewer, MetricDefinition metric, Period period, ZoneId zone,
                                             LocalDate today) {
        if (viewer.limitedToOwnRecords() || metric.time() == null || period.end().isAfter(today)) {
            return Optional.empty();
        }
        Optional<MetricSnapshot> stored = snapshots.find(metric, period, zone);
        if (stored.isPresent()) {
            return stored;
        }
        MetricValue value = compute(Actor.system("metric-snapshot"), new MetricRequest(metric, List.of(period),
                false), zone).value(0);
        return Optional.of(snapshots.store(metric, period, zone, value.value(), value.n()));
    }

    /**
     * The drill-through filters of a request's period and groups, without computing the figure: what the card or bar
     * of that period links to (its value here is an empty combination's).
     */
    public MetricValue drill(MetricRequest request, int period, List<Object> groups, ZoneId zone) {
        FormDefinition form = catalog.published(request.metric().form()).orElseThrow(() ->
                new IllegalArgumentException("Form " + request.metric().form() + " is not published"));
        return new MetricQuery(bulk, form, zone, catalog::published).empty(request, period, groups);
    }

    /**
     * A closed {@code period}'s groups of a grouped metric over all records as first reported (stored the first time,
     * read back after that), as {@link #computeReported} shows them; empty for a period not yet closed or a metric
     * without groups or time field.
     */
    @Transactional
    public List<SnapshotStore.Group> snapshotGroups(MetricDefinition metric, Period period, ZoneId zone,
                                                    LocalDate today) {
        if (metric.time() == null || metric.groupBy().isEmpty() || period.end().isAfter(today)) {
            return List.of();
        }
        Map<String, java.util.Set<Period>> closed = Map.of(metric.id(), java.util.Set.of(period));
        return storedGroupsOrTaken(closed, Map.of(metric.id(), metric), zone)
                .getOrDefault(new SnapshotStore.Key(metric, period), List.of());
    }

    private static Map<String, String> shipped() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            Map<String, String> texts = new LinkedHashMap<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    texts.put("metrics/" + file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped metric definitions", e);
        }
    }
}
