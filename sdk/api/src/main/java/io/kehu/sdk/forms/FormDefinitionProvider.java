package io.kehu.sdk.forms;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Ships form definitions with a plugin (e.g. the survey plugin's {@code survey_response}). When the plugin starts,
 * the platform reads them like any other definition (JSON syntax, JSON Schema, meaning) and publishes those that
 * changed through the normal publish path: a real table per form, additive changes only. A definition the platform
 * refuses makes the plugin FAILED with the reason.
 *
 * <p>Forms outlive their plugin: disabling or removing the plugin keeps the forms and their records.
 *
 * <pre>{@code
 * @Extension
 * public class HelloForms implements FormDefinitionProvider {
 *     public List<DefinitionText> definitions() {
 *         return List.of(DefinitionText.fromResource(getClass(), "forms/greeting.json"));
 *     }
 * }
 * }</pre>
 */
public interface FormDefinitionProvider extends ExtensionPoint {

    /** The definitions, each a JSON text in the format of {@code docs/form-definitions.md}. */
    List<DefinitionText> definitions();
}
