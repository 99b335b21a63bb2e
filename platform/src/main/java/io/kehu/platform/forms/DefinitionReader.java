package io.kehu.platform.forms;

import io.kehu.platform.forms.DefinitionProblem.Kind;
import io.kehu.platform.forms.reading.DefinitionChecks;
import io.kehu.platform.forms.reading.DefinitionLimits;
import io.kehu.platform.forms.reading.DefinitionParser;
import io.kehu.platform.forms.reading.DefinitionSchema;
import io.kehu.platform.forms.reading.JsonPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON form definitions (the files in {@code form-definitions/}, an upload, a plugin's resources) into the
 * model, refusing anything that could not be published. Three passes per source, each only on what the previous one
 * accepted: JSON syntax, the JSON Schema, then the meaning (identifiers, references between keys and forms, values
 * that must fit their types, scripts that must compile). Every problem found is reported at once in a
 * {@link DefinitionException}, each with its source, JSON path and reason.
 *
 * <p>Reference and subtable fields must point at a form of the same set or at one of the {@code knownForms} the
 * caller passes (typically the forms already published). Usable from Spring or with {@code new}.
 */
@Component
public class DefinitionReader {

    private static final String JSON_SUFFIX = ".json";

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(DefinitionLimits.MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final DefinitionSchema schema = DefinitionSchema.load();
    private final RuleCompileCheck compileCheck;

    /** A reader that accepts every script as written ({@link RuleCompileCheck#ACCEPT_ALL}). */
    public DefinitionReader() {
        this(RuleCompileCheck.ACCEPT_ALL);
    }

    /** A reader that asks {@code compileCheck} about every script; Spring uses it when the rules engine provides one. */
    @Autowired(required = false)
    public DefinitionReader(RuleCompileCheck compileCheck) {
        this.compileCheck = Objects.requireNonNull(compileCheck, "compileCheck");
    }

    /** Reads one definition whose reference and subtable fields point only at itself. */
    public FormDefinition read(String source, String json) {
        return read(source, json, Set.of());
    }

    /** Reads one definition whose reference and subtable fields point at itself or at {@code knownForms}. */
    public FormDefinition read(String source, String json, Set<String> knownForms) {
        return readAll(List.of(new DefinitionSource(source, json)), knownForms).getFirst();
    }

    /** Reads a set of definitions that may point at each other, in the order given. */
    public List<FormDefinition> readAll(List<DefinitionSource> sources) {
        return readAll(sources, Set.of());
    }

    /**
     * Reads a set of definitions that may point at each other and at {@code knownForms}.
     *
     * @return the forms in the order of {@code sources}
     * @throws DefinitionException listing every problem of every source
     */
    public List<FormDefinition> readAll(List<DefinitionSource> sources, Set<String> knownForms) {
        List<DefinitionProblem> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (DefinitionSource source : sources) {
            candidates.add(parse(source, problems));
        }
        Set<String> targetForms = new HashSet<>(knownForms);
        Map<String, String> definedIn = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.declaredId() == null) {
                continue;
            }
            targetForms.add(c.declaredId());
            String earlier = definedIn.putIfAbsent(c.declaredId(), c.source());
            if (earlier != null) {
                problems.add(new DefinitionProblem(c.source(), JsonPaths.key(JsonPaths.ROOT, "id"),
                        "form id '" + c.declaredId() + "' is already defined in " + earlier));
            }
        }
        List<FormDefinition> forms = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.form() != null) {
                problems.addAll(DefinitionChecks.check(c.source(), c.form(), targetForms, compileCheck));
                forms.add(c.form());
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return List.copyOf(forms);
    }

    /** Reads every {@code *.json} file directly inside {@code folder} (not its {@code schema/}), by file name. */
    public List<FormDefinition> readFolder(Path folder) {
        return readFolder(folder, Set.of());
    }

    /** Reads every {@code *.json} file directly inside {@code folder}, pointing also at {@code knownForms}. */
    public List<FormDefinition> readFolder(Path folder, Set<String> knownForms) {
        try (Stream<Path> files = Files.list(folder)) {
            List<DefinitionSource> sources = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(JSON_SUFFIX))
                    .sorted()
                    .toList()) {
                sources.add(new DefinitionSource(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return readAll(sources, knownForms);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read form definitions in " + folder, e);
        }
    }

    /**
     * A source after syntax, schema and model building.
     *
     * @param declaredId the form id as written, when there is one, so that other forms may still point at a form
     *                   whose definition has problems without a cascade of "unknown form" problems
     * @param form the model, or null when syntax or schema failed
     */
    private record Candidate(String source, String declaredId, FormDefinition form) {
    }

    private Candidate parse(DefinitionSource source, List<DefinitionProblem> problems) {
        var tooLarge = DefinitionLimits.documentSize(source.name(), source.text());
        if (tooLarge.isPresent()) {
            problems.add(tooLarge.get());
            return new Candidate(source.name(), null, null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(source.text());
        } catch (JacksonException e) {
            problems.add(syntaxProblem(source.name(), syntaxMessage(e)));
            return new Candidate(source.name(), null, null);
        }
        if (root == null || root.isMissingNode()) {
            problems.add(syntaxProblem(source.name(), "the definition is empty"));
            return new Candidate(source.name(), null, null);
        }
        String declaredId = root.path("id").isString() ? root.path("id").asString() : null;
        // Limits first: the schema and the model compare and convert numbers and walk lists, which is where a hostile
        // definition would cost time.
        List<DefinitionProblem> limitProblems = DefinitionLimits.check(source.name(), root);
        if (!limitProblems.isEmpty()) {
            problems.addAll(limitProblems);
            return new Candidate(source.name(), declaredId, null);
        }
        List<DefinitionProblem> schemaProblems = schema.validate(source.name(), root);
        if (!schemaProblems.isEmpty()) {
            problems.addAll(schemaProblems);
            return new Candidate(source.name(), declaredId, null);
        }
        DefinitionParser.Parsed parsed = DefinitionParser.parse(source.name(), root);
        problems.addAll(parsed.problems());
        return new Candidate(source.name(), declaredId, parsed.form());
    }

    private static DefinitionProblem syntaxProblem(String source, String message) {
        return new DefinitionProblem(source, JsonPaths.ROOT, message, Kind.SYNTAX, List.of());
    }

    private static String syntaxMessage(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "invalid JSON" + where + ": " + e.getOriginalMessage();
    }
}
