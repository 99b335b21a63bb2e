package io.kehu.platform.designer;

import io.kehu.platform.forms.DefinitionException;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with the definition being designed, found exactly as publishing and importing find it: the definition
 * is written to its JSON format and read back by the {@link DefinitionReader} (schema, identifiers, options,
 * references to other forms, rules compiled by the rules engine). Problems are sorted by where they belong: a field
 * and one of its keys, a layout section, or the form itself, so that each is shown beside what it is about.
 */
final class DesignerProblems {

    static final String SOURCE = "designer";
    private static final Pattern FIELD = Pattern.compile("^\\$\\.fields\\[(\\d+)](?:\\.([A-Za-z]+)(?:\\[(\\d+)])?)?");
    private static final Pattern SECTION = Pattern.compile("^\\$\\.layout\\[(\\d+)]");

    private final List<DefinitionProblem> all;

    private DesignerProblems(List<DefinitionProblem> all) {
        this.all = List.copyOf(all);
    }

    static DesignerProblems check(FormDefinition form, DefinitionReader reader, DefinitionWriter writer,
                                  Set<String> knownForms) {
        try {
            reader.read(SOURCE, writer.write(form), knownForms);
            return new DesignerProblems(List.of());
        } catch (DefinitionException e) {
            return new DesignerProblems(e.problems());
        }
    }

    static DesignerProblems of(List<DefinitionProblem> problems) {
        return new DesignerProblems(problems);
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    List<DefinitionProblem> all() {
        return all;
    }

    /** Problems of the field at {@code index}, by the key they are about ({@code ""} for the field as a whole). */
    Map<String, List<String>> forField(int index) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (DefinitionProblem p : all) {
            Matcher m = FIELD.matcher(p.jsonPath());
            if (m.find() && Integer.parseInt(m.group(1)) == index) {
                String key = m.group(2) == null ? "" : m.group(2);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p.message());
            }
        }
        return byKey;
    }

    /** Whether the field at {@code index} has any problem (the canvas marks it). */
    boolean fieldHasProblems(int index) {
        return !forField(index).isEmpty();
    }

    /** Problems of layout section {@code index}. */
    List<String> forSection(int index) {
        return all.stream().filter(p -> {
            Matcher m = SECTION.matcher(p.jsonPath());
            return m.find() && Integer.parseInt(m.group(1)) == index;
        }).map(DefinitionProblem::message).toList();
    }

    /** Problems that belong to neither a field nor a section: labels, title field, rules, permissions. */
    List<DefinitionProblem> ofForm() {
        return all.stream().filter(p -> !FIELD.matcher(p.jsonPath()).find()
                && !SECTION.matcher(p.jsonPath()).find()).toList();
    }
}
