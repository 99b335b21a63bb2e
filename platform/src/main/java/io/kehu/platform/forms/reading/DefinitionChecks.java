package io.kehu.platform.forms.reading;

import static io.kehu.platform.forms.reading.JsonPaths.field;
import static io.kehu.platform.forms.reading.JsonPaths.index;
import static io.kehu.platform.forms.reading.JsonPaths.key;

import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.forms.RuleCompileCheck.ScriptKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of one form definition that a JSON Schema cannot express, at the level of the form: identifiers that
 * become SQL names, references between keys (layout → fields, titleField, ownerField) and scripts that must compile.
 * Each field's own keys are judged by {@link FieldChecks}, its default by {@link DefaultValueChecks}. Each problem
 * names the key to fix.
 */
public final class DefinitionChecks {

    private final String source;
    private final FormDefinition form;
    private final Set<String> targetForms;
    private final RuleCompileCheck compileCheck;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DefinitionChecks(String source, FormDefinition form, Set<String> targetForms,
                             RuleCompileCheck compileCheck) {
        this.source = source;
        this.form = form;
        this.targetForms = targetForms;
        this.compileCheck = compileCheck;
    }

    /**
     * The problems of {@code form}.
     *
     * @param targetForms ids of the forms reference and subtable fields may point at (the set being read plus the
     *                    forms already known)
     */
    public static List<DefinitionProblem> check(String source, FormDefinition form, Set<String> targetForms,
                                         RuleCompileCheck compileCheck) {
        DefinitionChecks checks = new DefinitionChecks(source, form, targetForms, compileCheck);
        checks.formId();
        checks.fields();
        checks.recordFields();
        checks.layout();
        checks.scripts();
        checks.problems.addAll(ScriptReadChecks.check(source, form, compileCheck));
        return List.copyOf(checks.problems);
    }

    private void formId() {
        String reason = FormTables.identifierProblem(form.id());
        if (reason != null) {
            problem(key(JsonPaths.ROOT, "id"), "form id '" + form.id() + "' " + reason);
        }
    }

    private void fields() {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            String reason = FormTables.identifierProblem(f.id());
            if (reason != null) {
                problem(field(i, "id"), "field id '" + f.id() + "' " + reason);
            }
            Integer first = firstIndex.putIfAbsent(f.id(), i);
            if (first != null) {
                problem(field(i, "id"), "duplicate field id '" + f.id() + "', first defined at " + field(first));
            }
            problems.addAll(FieldChecks.check(source, form, targetForms, i));
            problems.addAll(DefaultValueChecks.check(source, i, f));
        }
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            if (f.type() == FieldType.MONEY) {
                String currencyColumn = FormTables.currencyColumn(f.id());
                Integer clash = firstIndex.get(currencyColumn);
                if (clash != null) {
                    problem(field(clash, "id"), "field id '" + currencyColumn
                            + "' clashes with the currency column of money field '" + f.id() + "'");
                }
            }
        }
    }

    /** titleField and ownerField. */
    private void recordFields() {
        if (form.titleField() != null) {
            form.field(form.titleField()).ifPresentOrElse(
                    f -> {
                        if (!f.type().storedInOwnTable()) {
                            problem(key(JsonPaths.ROOT, "titleField"), "titleField '" + f.id() + "' is a "
                                    + f.type().jsonName() + " field; a record title needs a single value");
                        }
                    },
                    () -> problem(key(JsonPaths.ROOT, "titleField"),
                            "titleField '" + form.titleField() + "' is not a field of this form"));
        }
        if (form.ownerField() != null) {
            form.field(form.ownerField()).ifPresentOrElse(
                    f -> {
                        if (f.type() != FieldType.USER && f.type() != FieldType.REFERENCE) {
                            problem(key(JsonPaths.ROOT, "ownerField"), "ownerField '" + f.id()
                                    + "' must be a user or reference field, but it is a " + f.type().jsonName()
                                    + " field");
                        }
                    },
                    () -> problem(key(JsonPaths.ROOT, "ownerField"),
                            "ownerField '" + form.ownerField() + "' is not a field of this form"));
        }
    }

    private void layout() {
        Map<String, String> placedAt = new HashMap<>();
        for (int s = 0; s < form.layout().size(); s++) {
            LayoutSection section = form.layout().get(s);
            String sectionPath = index(key(JsonPaths.ROOT, "layout"), s);
            if (section.columns() < 1 || section.columns() > 4) {
                problem(key(sectionPath, "columns"), "columns must be 1 to 4, not " + section.columns());
            }
            for (int j = 0; j < section.fields().size(); j++) {
                String id = section.fields().get(j);
                String path = index(key(sectionPath, "fields"), j);
                if (form.field(id).isEmpty()) {
                    problem(path, "layout names unknown field '" + id + "'");
                } else {
                    String earlier = placedAt.putIfAbsent(id, path);
                    if (earlier != null) {
                        problem(path, "field '" + id + "' is already placed at " + earlier);
                    }
                }
            }
        }
    }

    private void scripts() {
        for (int i = 0; i < form.rules().size(); i++) {
            compiles(key(index(key(JsonPaths.ROOT, "rules"), i), "script"), ScriptKind.VALIDATION_RULE,
                    form.rules().get(i).script());
        }
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            compiles(field(i, "visibleWhen"), ScriptKind.VISIBLE_WHEN, f.visibleWhen());
            compiles(field(i, "requiredWhen"), ScriptKind.REQUIRED_WHEN, f.requiredWhen());
            if (f.type() == FieldType.COMPUTED) {
                compiles(field(i, "expression"), ScriptKind.COMPUTED_EXPRESSION, f.expression());
            }
        }
    }

    private void compiles(String path, ScriptKind kind, String script) {
        if (script != null) {
            compileCheck.problem(form, kind, script).ifPresent(reason -> problem(path, reason));
        }
    }

    private void problem(String path, String message) {
        problems.add(new DefinitionProblem(source, path, message));
    }
}
