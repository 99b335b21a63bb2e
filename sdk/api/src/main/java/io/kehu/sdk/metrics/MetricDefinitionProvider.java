package io.kehu.sdk.metrics;

import io.kehu.sdk.forms.DefinitionText;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Ships metric definitions with a plugin (e.g. the survey plugin's satisfaction score on its {@code survey_response}
 * form), in the format of {@code docs/dashboards.md} (one JSON text per metric). When the plugin starts, after its
 * forms are published, the platform reads them with the same reader as the shipped metrics; a definition that does
 * not read, or whose id another metric already has, makes the plugin FAILED with every problem. While the plugin runs
 * its metrics are offered in the dashboard editor and computed like any other (in the database, with the viewer's
 * permissions, every figure opening its records); stopping, disabling or removing the plugin takes them out (widgets
 * using them are then not shown).
 *
 * <pre>{@code
 * @Extension
 * public class SurveyMetrics implements MetricDefinitionProvider {
 *     public List<DefinitionText> metrics() {
 *         return List.of(DefinitionText.fromResource(getClass(), "metrics/survey_csat.json"));
 *     }
 * }
 * }</pre>
 */
public interface MetricDefinitionProvider extends ExtensionPoint {

    /** The metric definitions, each over a published form (normally one the plugin ships). */
    List<DefinitionText> metrics();
}
