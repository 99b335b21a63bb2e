package io.kehu.sdk.workflows;

import io.kehu.sdk.forms.DefinitionText;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Ships workflow definitions with a plugin (e.g. the churn plugin's case tracking on its own {@code churn_case}
 * form), in the format of {@code docs/workflows.md} (one JSON text per workflow, bound to a published form and its
 * status field). When the plugin starts, after its forms are published, the platform reads them with the same reader
 * as the shipped workflows; a definition that does not read makes the plugin FAILED with every problem. They are in
 * force while the plugin runs: stopping, disabling or removing the plugin takes them out (the form and its records
 * stay, and the status field can then be edited like any other field).
 *
 * <pre>{@code
 * @Extension
 * public class ChurnWorkflows implements WorkflowDefinitionProvider {
 *     public List<DefinitionText> workflows() {
 *         return List.of(DefinitionText.fromResource(getClass(), "workflows/churn_case_tracking.json"));
 *     }
 * }
 * }</pre>
 */
public interface WorkflowDefinitionProvider extends ExtensionPoint {

    /** The workflow definitions; each binds a form (normally one the plugin ships) that has no other workflow. */
    List<DefinitionText> workflows();
}
