package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The published forms an API caller may use, read from the {@link FormCatalog} at every request, so that a form or
 * field published a moment ago is there without a restart. A form the caller's roles or token scopes do not open is
 * "not found", like one that does not exist.
 */
public final class ApiForms {

    private final FormCatalog catalog;

    public ApiForms(FormCatalog catalog) {
        this.catalog = catalog;
    }

    public FormDefinition readable(ApiCaller caller, String formId) {
        FormDefinition form = catalog.published(formId)
                .filter(f -> caller.actor().isSystem() || f.access().mayRead(caller.actor().roles()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "form_not_found", formId));
        if (!caller.scopes().mayRead(form.id())) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "form_not_found", formId);
        }
        return form;
    }

    public FormDefinition writable(ApiCaller caller, String formId) {
        FormDefinition form = readable(caller, formId);
        if (!caller.scopes().mayWrite(form.id())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "scope", form.id());
        }
        return form;
    }

    /** Every published form the caller may read. */
    public List<FormDefinition> all(ApiCaller caller) {
        return catalog.allPublished().stream()
                .filter(f -> caller.actor().isSystem() || f.access().mayRead(caller.actor().roles()))
                .filter(f -> caller.scopes().mayRead(f.id()))
                .toList();
    }
}
