package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.MetricValue;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real plugin jar ships a form and a metric on it (SDK {@code MetricDefinitionProvider}): while it runs the metric
 * is computed like a shipped one and its figure opens the same records; stopping the plugin takes the metric out; a
 * metric that does not read fails its plugin with the problem.
 */
@KehuTest
class PluginMetricsTest {

    private static final String ID = "metrics-test";
    private static final String BROKEN = "metrics-broken";
    private static final String PKG = "io.kehu.plugins.metricstest";

    @Autowired
    PluginHost host;
    @Autowired
    Metrics metrics;
    @Autowired
    Records records;

    @AfterEach
    void removePlugins() {
        for (String id : List.of(ID, BROKEN)) {
            if (host.plugin(id).isPresent()) {
                host.uninstall(PluginLifecycleTest.ADMIN, id);
            }
        }
    }

    private static PluginJar withMetric(String id, String form, String metricJson) {
        return PluginJar.plugin(id)
                .source(PKG + "." + id.replace("-", "_") + ".Forms", """
                        package %s.%s;
                        import io.kehu.sdk.forms.*;
                        @org.pf4j.Extension
                        public class Forms implements FormDefinitionProvider {
                            public java.util.List<DefinitionText> definitions() {
                                return java.util.List.of(DefinitionText.fromResource(Forms.class, "forms/pm_visit.json"));
                            }
                        }
                        """.formatted(PKG, id.replace("-", "_")))
                .source(PKG + "." + id.replace("-", "_") + ".Figures", """
                        package %s.%s;
                        import io.kehu.sdk.forms.DefinitionText;
                        @org.pf4j.Extension
                        public class Figures implements io.kehu.sdk.metrics.MetricDefinitionProvider {
                            public java.util.List<DefinitionText> metrics() {
                                return java.util.List.of(DefinitionText.fromResource(Figures.class,
                                        "metrics/pm_visit_score.json"));
                            }
                        }
                        """.formatted(PKG, id.replace("-", "_")))
                .resource("forms/pm_visit.json", """
                        {"id": "%s", "label": {"zh": "走访", "en": "Visit"}, "titleField": "place",
                         "fields": [{"id": "place", "type": "text", "label": {"zh": "地点", "en": "Place"}},
                                    {"id": "score", "type": "integer", "label": {"zh": "评分", "en": "Score"}}]}
                        """.formatted(form))
                .resource("metrics/pm_visit_score.json", metricJson);
    }

    @Test
    void aPluginsMetricIsComputedWhileItRunsAndGoesWithIt() throws Exception {
        PluginInfo started = host.install(PluginLifecycleTest.ADMIN, "metrics.jar", new ByteArrayInputStream(
                withMetric(ID, "pm_visit", """
                        {"id": "pm_visit_score", "label": {"zh": "走访平均评分", "en": "Average visit score"},
                         "form": "pm_visit", "measure": {"function": "avg", "field": "score"}}
                        """).bytes()));
        assertThat(started.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(started.extensions()).contains("MetricDefinitionProvider ×1");
        for (int score : new int[] {4, 5, 9}) {
            records.create(Actor.system("test"), "pm_visit", Map.of("place", "宁波", "score", score));
        }
        MetricDefinition score = metrics.definition("pm_visit_score").orElseThrow();
        MetricValue value = metrics.compute(PluginLifecycleTest.ADMIN, new MetricRequest(score, List.of(), false),
                ZoneId.of("Asia/Shanghai")).value(0);
        assertThat(value.value()).isEqualByComparingTo("6");
        assertThat(value.n()).isEqualTo(3);
        RecordQuery behind = RecordQuery.of("pm_visit");
        for (RecordQuery.Filter f : value.drill()) {
            behind = behind.where(f);
        }
        assertThat(records.count(PluginLifecycleTest.ADMIN, behind).value()).isEqualTo(3);

        host.disable(PluginLifecycleTest.ADMIN, ID);
        assertThat(metrics.definition("pm_visit_score")).isEmpty();
        host.enable(PluginLifecycleTest.ADMIN, ID);
        assertThat(metrics.definition("pm_visit_score")).isPresent();
    }

    @Test
    void aMetricThatDoesNotReadFailsItsPluginWithTheProblem() throws Exception {
        PluginInfo failed = host.install(PluginLifecycleTest.ADMIN, "metrics-broken.jar", new ByteArrayInputStream(
                withMetric(BROKEN, "pm_visit_b", """
                        {"id": "pm_visit_score", "label": {"zh": "走访平均评分", "en": "Average visit score"},
                         "form": "pm_visit_b", "measure": {"function": "sum", "field": "place"}}
                        """).bytes()));
        assertThat(failed.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(failed.error()).contains("A metric does not read")
                .contains("$.measure.field: sum needs a number or money field");
        assertThat(metrics.definition("pm_visit_score")).isEmpty();
    }
}
