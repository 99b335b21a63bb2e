package io.kehu.platform.forms;

import java.util.List;
import java.util.Optional;

/**
 * The published form definitions, as the rest of the platform reads them (record store, views, plugins). Publishing
 * replaces a form's entry atomically; readers always see one consistent version of each form.
 */
public interface FormCatalog {

    /** The published version of form {@code formId}, if that form exists and is published. */
    Optional<FormDefinition> published(String formId);

    /** Every published form, ordered by navigation group, then order, then id. */
    List<FormDefinition> allPublished();
}
