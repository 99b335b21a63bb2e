package io.kehu.platform.workflow;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionSource;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.RuleCompileCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shipped forms and workflows of {@code form-definitions/}, read as a new installation reads them. */
final class ShippedWorkflows {

    static final Path SEEDS = Path.of("..", "form-definitions");
    static final Path WORKFLOWS = SEEDS.resolve("workflows");

    /** Scripts containing this word are refused, as the rule sandbox refuses one that does not compile. */
    static final RuleCompileCheck REFUSES_BROKEN = (form, kind, script) ->
            script.contains("BROKEN") ? Optional.of("unexpected token BROKEN") : Optional.empty();

    private ShippedWorkflows() {
    }

    static Map<String, FormDefinition> forms() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<DefinitionSource> sources = files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> new DefinitionSource(p.getFileName().toString(), read(p))).toList();
            return new DefinitionReader().readAll(sources, Set.of()).stream()
                    .collect(Collectors.toMap(FormDefinition::id, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkflowReader reader() {
        Map<String, FormDefinition> forms = forms();
        return new WorkflowReader(id -> Optional.ofNullable(forms.get(id)), Set.of("cn-mainland"), REFUSES_BROKEN);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
