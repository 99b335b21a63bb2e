package io.kehu.platform.forms.reading;

import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.RuleCompileCheck;

import io.kehu.platform.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses scripts that would show a role a value it may not read. Computed fields, {@code visibleWhen} and
 * {@code requiredWhen} run on the whole record on the server (a record is valid or not whoever saves it), but what
 * they produce is seen by everyone who may read their field: a computed value itself, a field shown or hidden, a field
 * marked required. So a script of field F may only read fields that every role reading F may also read. The browser
 * then has every input of the condition in the user's own view of the record, and evaluates what the server does.
 *
 * <p>Form rules ({@code rules[]}) are not refused here: their messages are fixed texts of the definition and never
 * carry a value; only whether a save is refused can depend on a field the user may not read (see docs/rules.md).
 */
public final class ScriptReadChecks {

    private ScriptReadChecks() {
    }

    static List<DefinitionProblem> check(String source, FormDefinition form, RuleCompileCheck compileCheck) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            if (f.type() == FieldType.COMPUTED) {
                check(source, form, compileCheck, i, "expression", f.expression(), problems);
            }
            check(source, form, compileCheck, i, "visibleWhen", f.visibleWhen(), problems);
            check(source, form, compileCheck, i, "requiredWhen", f.requiredWhen(), problems);
        }
        return problems;
    }

    private static void check(String source, FormDefinition form, RuleCompileCheck compileCheck, int index,
                              String key, String script, List<DefinitionProblem> problems) {
        if (script == null) {
            return;
        }
        FieldDefinition owner = form.fields().get(index);
        Set<Role> readers = readers(form, owner);
        Optional<Set<String>> read = compileCheck.fieldsRead(form, script);
        List<FieldDefinition> inputs = read.map(ids -> form.fields().stream().filter(f -> ids.contains(f.id())).toList())
                .orElse(form.fields());
        for (FieldDefinition input : inputs) {
            Set<Role> blind = EnumSet.noneOf(Role.class);
            blind.addAll(readers);
            blind.removeAll(readers(form, input));
            if (!blind.isEmpty()) {
                String roles = blind.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
                problems.add(DefinitionProblem.of(source, JsonPaths.field(index, key),
                        read.isPresent() ? DefinitionProblem.Kind.HIDDEN_FIELD_READ
                                : DefinitionProblem.Kind.HIDDEN_FIELD_MAY_BE_READ,
                        owner.id(), roles, input.id()));
                return; // one problem per script: the fix is the same for every hidden input
            }
        }
    }

    /** The roles that may read {@code field}'s values: they may read the form and the field. */
    private static Set<Role> readers(FormDefinition form, FieldDefinition field) {
        Set<Role> readers = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (form.access().mayRead(Set.of(role)) && field.access().mayRead(Set.of(role))) {
                readers.add(role);
            }
        }
        return readers;
    }
}
