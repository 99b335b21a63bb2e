package io.kehu.sdk.forms;

import java.util.List;
import java.util.Optional;

/** The published forms, read-only (publishing goes through {@link FormDefinitionProvider}). */
public interface PluginDefinitions {

    /** The published form {@code formId}. */
    Optional<FormInfo> form(String formId);

    /** Every published form. */
    List<FormInfo> all();
}
