package io.kehu.platform.forms.reading;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.kehu.platform.forms.DefinitionProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of form definitions ({@code form-definitions/schema/form-definition.schema.json}, copied onto the
 * classpath by the build), applied before any semantic check so that structural mistakes (a misspelt key, a string
 * where a number belongs) are reported in the schema's terms and the semantic checks can rely on the structure.
 */
public final class DefinitionSchema {

    public static final String RESOURCE = "form-definitions/schema/form-definition.schema.json";

    private final Schema schema;

    private DefinitionSchema(Schema schema) {
        this.schema = schema;
    }

    public static DefinitionSchema load() {
        try (InputStream in = DefinitionSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; the platform build copies it "
                        + "from form-definitions/schema");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new DefinitionSchema(
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The schema violations of {@code definition}, translated to definition problems; empty when it conforms. */
    public List<DefinitionProblem> validate(String source, JsonNode definition) {
        Set<DefinitionProblem> problems = new LinkedHashSet<>();
        for (Error error : schema.validate(definition)) {
            problems.add(translate(source, error));
        }
        return new ArrayList<>(problems);
    }

    private static DefinitionProblem translate(String source, Error error) {
        String path = jsonPath(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "additionalProperties" ->
                    schemaProblem(source, JsonPaths.key(path, error.getProperty()),
                            "unknown key '" + error.getProperty() + "'");
            case "required" -> schemaProblem(source, path, "missing required key '" + error.getProperty() + "'");
            case "enum" -> schemaProblem(source, path, describeEnum(error));
            default -> schemaProblem(source, path, error.getMessage());
        };
    }

    private static DefinitionProblem schemaProblem(String source, String path, String message) {
        return new DefinitionProblem(source, path, message, DefinitionProblem.Kind.SCHEMA, List.of());
    }

    private static String describeEnum(Error error) {
        JsonNode value = error.getInstanceNode();
        JsonNode allowed = error.getSchemaNode();
        String shown = value == null ? "value" : value.isString() ? "'" + value.asString() + "'" : value.toString();
        if (allowed == null || !allowed.isArray()) {
            return shown + " is not an allowed value: " + error.getMessage();
        }
        String choices = StreamSupport.stream(allowed.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.joining(", "));
        return shown + " is not one of: " + choices;
    }

    static String jsonPath(NodePath location) {
        String path = JsonPaths.ROOT;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index
                    ? JsonPaths.index(path, index)
                    : JsonPaths.key(path, String.valueOf(element));
        }
        return path;
    }
}
