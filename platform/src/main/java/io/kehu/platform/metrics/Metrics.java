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
            List<MetricResult> computed = new MetricQuery(bulk, form, zone).compute(actor,
                    batch.stream().map(requests::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                results[batch.get(j)] = computed.get(j);
            }
        }
        return Arrays.asList(results);
    }

    /**
     * Like {@link #compute(Actor, List, ZoneId)}, but the closed periods of a trend read as first reported: a request
     * that is not grouped, not narrowed by global filters, asked by a viewer who sees all records and that has at
     * least one period still open (ending after {@code today}) is computed live for its open periods only — which also
     * checks the viewer may measure its fields — and takes each closed period's figure from its snapshot (stored here
     * the first time, as {@link #snapshot} does). A 12-month trend then reads one month from the records and eleven
     * stored figures. Every other request is computed live. A closed period's value keeps its drill-through filters,
     * which list today's records: when records of a closed month changed after it was stored, the list can differ
     * from the reported figure — that is what "as reported" means.
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
            boolean fromSnapshots = !actor.limitedToOwnRecords() && !r.grouped() && r.scope().isAll()
                    && !open.isEmpty() && open.size() < periods.size();
            openIndexes.add(fromSnapshots ? open : null);
            live.add(fromSnapshots ? new MetricRequest(r.metric(), open.stream().map(periods::get).toList(), false,
                    r.scope()) : r);
        }
        List<MetricResult> computed = compute(actor, live, zone);
        // the closed periods' snapshots, those missing computed over all records in one batch and stored
        Map<SnapshotStore.Key, MetricSnapshot> stored = new java.util.HashMap<>();
        Map<String, java.util.Set<Period>> closed = new LinkedHashMap<>();
        Map<String, MetricDefinition> byId = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (openIndexes.get(i) != null) {
                MetricDefinition metric = requests.get(i).metric();
                byId.put(metric.id(), metric);
                for (Period p : requests.get(i).effectivePeriods()) {
                    if (!p.end().isAfter(today)) {
                        closed.computeIfAbsent(metric.id(), k -> new java.util.LinkedHashSet<>()).add(p);
                    }
                }
            }
        }
        if (closed.isEmpty()) {
            return computed;
        }
        List<SnapshotStore.Key> keys = new ArrayList<>();
        closed.forEach((id, periods) -> periods.forEach(p -> keys.add(new SnapshotStore.Key(byId.get(id), p))));
        stored.putAll(snapshots.findAll(keys, zone));
        List<MetricRequest> missing = new ArrayList<>();
        closed.forEach((id, periods) -> {
            List<Period> absent = periods.stream().filter(p -> !stored.containsKey(new SnapshotStore.Key(byId.get(id),
                    p))).toList();
            if (!absent.isEmpty()) {
                missing.add(new MetricRequest(byId.get(id), absent, false));
            }
        });
        if (!missing.isEmpty()) {
            List<MetricResult> first = compute(Actor.system("metric-snapshot"), missing, zone);
            for (MetricResult result : first) {
                List<Period> periods = result.request().periods();
                for (int p = 0; p < periods.size(); p++) {
                    MetricValue value = result.value(p);
                    stored.put(new SnapshotStore.Key(result.metric(), periods.get(p)), snapshots.store(
                            result.metric(), periods.get(p), zone, value.value(), value.n()));
                }
            }
        }
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
            MetricQuery shape = new MetricQuery(bulk, form, zone);
            Map<MetricResult.Key, MetricValue> values = new LinkedHashMap<>();
            List<Period> periods = r.effectivePeriods();
            for (int p = 0; p < periods.size(); p++) {
                int at = open.indexOf(p);
                values.put(new MetricResult.Key(p, List.of()), at >= 0 ? openResult.value(at)
                        : shape.reported(r, p, stored.get(new SnapshotStore.Key(r.metric(), periods.get(p)))));
            }
            results.add(new MetricResult(r, values, (period, groups) -> values.get(new MetricResult.Key(period,
                    groups))));
        }
        return results;
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
