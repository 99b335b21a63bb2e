package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.RecordRules;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The record view's own renderer for a definition that is not published, as the form designer's live preview: a new
 * record of {@code form} as a user with one role sees it in one language (sections, tabs, editors, defaults, live
 * visibleWhen/requiredWhen). Saving in the preview only checks the values (required fields, field checks, rules) and
 * writes nothing.
 */
@org.springframework.stereotype.Component
public class FormPreview {

    private final Records records;
    private final FormCatalog catalog;
    private final SessionActor actors;
    private final UserAccounts accounts;
    private final ObjectProvider<RecordRules> rules;
    private final FieldValues conversions = new FieldValues(ZoneId.systemDefault());

    FormPreview(Records records, FormCatalog catalog, SessionActor actors, UserAccounts accounts,
                ObjectProvider<RecordRules> rules) {
        this.records = records;
        this.catalog = catalog;
        this.actors = actors;
        this.accounts = accounts;
        this.rules = rules;
    }

    /**
     * A new record of {@code form} as the signed-in user would see it with only {@code role}, labels in
     * {@code locale}. A definition the renderer cannot show (say a reference to a form not published yet) gives a
     * short explanation instead of a form.
     */
    public Component render(FormDefinition form, Role role, Locale locale) {
        Actor me = actors.current();
        Actor viewer = new Actor(me.userId(), me.username(), Set.of(role));
        if (!FormAccess.mayRead(form, viewer)) {
            Span denied = new Span();
            // Texts of the preview live in the designer's bundle, the only screen that shows it.
            denied.setText(denied.getTranslation("designer.preview.noAccess"));
            denied.setId("preview-no-access");
            return denied;
        }
        RecordRules recordRules = rules.getIfUnique(() -> RecordRules.NONE);
        UserDirectory users = new UserDirectory(accounts);
        ReferenceTitles titles = new ReferenceTitles(records, catalog, viewer);
        FilterSources sources = new FilterSources(records, catalog, viewer, users, titles, locale,
                ZoneId.systemDefault());
        try {
            RecordForm preview = new RecordForm(form, viewer, recordRules, sources,
                    f -> subtable(f, viewer, recordRules, sources));
            preview.setId("preview-form");
            preview.applyDefaults(conversions);
            preview.addSaveListener(e -> preview.showErrors(check(form, preview, recordRules, viewer)));
            return preview;
        } catch (RuntimeException cannotRender) {
            Span problem = new Span();
            problem.setText(problem.getTranslation("designer.preview.unavailable", cannotRender.getMessage()));
            problem.setId("preview-unavailable");
            return problem;
        }
    }

    /** The same inline row editor a new record gets, empty, for the child form as published. */
    private Component subtable(FieldDefinition field, Actor viewer, RecordRules recordRules, FilterSources sources) {
        return catalog.published(field.form()).filter(child -> FormAccess.mayRead(child, viewer))
                .<Component>map(child -> new SubtableEditor(field, child, FormAccess.mayWrite(child, viewer), viewer,
                        recordRules, sources, conversions))
                .orElseGet(NoAccessNotice::new);
    }

    private List<FieldError> check(FormDefinition form, RecordForm preview, RecordRules recordRules, Actor viewer) {
        Map<String, Object> values = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            FieldEditor editor = preview.editor(f.id());
            if (editor != null) {
                values.put(f.id(), editor.value());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldDefinition f : form.fields()) {
            FieldEditor editor = preview.editor(f.id());
            if (editor == null || !editor.component().isVisible() || !FormAccess.mayEdit(form, f, viewer)) {
                continue;
            }
            boolean required = f.required() || recordRules.isRequired(form, f, values, viewer);
            FieldDefinition asChecked = required == f.required() ? f : requiredCopy(f);
            errors.addAll(conversions.check(asChecked, values.get(f.id())));
        }
        if (errors.isEmpty()) {
            errors.addAll(recordRules.validate(form, values, Optional.empty(), viewer));
        }
        return errors;
    }

    private static FieldDefinition requiredCopy(FieldDefinition f) {
        return f.toBuilder().required(true).build();
    }
}
