package io.kehu.platform.api.openapi;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.ListedColumn;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of the API as one caller sees it, built from the published form definitions at request
 * time: one set of paths and schemas per form the caller may read, with only the fields they may read (and, in the
 * input schemas, write), labels and help texts in the request's language and both languages in {@code x-kehu-label}.
 * Built as plain maps written by Jackson: the document is data from definitions, not annotated Java classes, and the
 * test checks it with the reference parser (swagger-parser).
 */
final class OpenApiDocument {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> SYSTEM = List.of("id", "row_version", "parent_id", "created_at", "created_by",
            "updated_at", "updated_by", "deleted_at", "deleted_by");

    private final Locale language;
    private final Actor actor;

    private final java.util.function.Function<String, java.util.Optional<WorkflowDefinition>> workflows;
    private final java.util.function.Function<String, List<ListedColumn>> listColumns;

    OpenApiDocument(Locale language, Actor actor,
                    java.util.function.Function<String, java.util.Optional<WorkflowDefinition>> workflows) {
        this(language, actor, workflows, formId -> List.of());
    }

    /**
     * @param listColumns per form, the list columns other features (plugins) contribute that the actor may read: in
     *     the list page's items and its filter parameters, not in the record's own schema (a single record has none)
     */
    OpenApiDocument(Locale language, Actor actor,
                    java.util.function.Function<String, java.util.Optional<WorkflowDefinition>> workflows,
                    java.util.function.Function<String, List<ListedColumn>> listColumns) {
        this.language = language;
        this.actor = actor;
        this.workflows = workflows;
        this.listColumns = listColumns;
    }

    Map<String, Object> build(List<FormDefinition> forms) {
        boolean zh = "zh".equals(language.getLanguage());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", map("title", zh ? "客户 API" : "Kehu API", "version", "1",
                "description", zh ? "每个已发布表单的记录接口。令牌以其用户的身份和权限访问；错误为 RFC 9457 problem+json。"
                        : "Records of every published form. A token acts as its user, with that user's permissions;"
                        + " errors are RFC 9457 problem+json."));
        doc.put("security", List.of(map("bearer", List.of())));
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        java.util.Set<String> ids = new java.util.HashSet<>();
        forms.forEach(f -> ids.add(f.id()));
        for (FormDefinition form : forms) {
            addForm(form, paths, schemas, ids);
            workflows.apply(form.id()).ifPresent(w -> WorkflowPaths.addRecordWorkflow(form, w, language, paths));
        }
        WorkflowPaths.addShared(zh, paths, schemas);
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", map("bearer", map("type", "http", "scheme", "bearer",
                "description", zh ? "API 令牌（kehu_…），在“API 令牌”页面创建" : "An API token (kehu_…) from the API tokens page")));
        components.put("responses", responses(zh));
        doc.put("components", components);
        return doc;
    }

    private void addForm(FormDefinition form, Map<String, Object> paths, Map<String, Object> schemas,
                         java.util.Set<String> documented) {
        String id = form.id();
        String label = FieldSchemas.text(form.label(), language, id);
        Map<String, Object> output = new LinkedHashMap<>();
        Map<String, Object> outputProps = new LinkedHashMap<>();
        for (String system : SYSTEM) {
            outputProps.put(system, systemSchema(system));
        }
        Map<String, Object> inputProps = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldDefinition f : form.fields()) {
            if (f.storedType() == FieldType.SUBTABLE || !mayRead(f)) {
                continue;
            }
            outputProps.put(f.id(), FieldSchemas.output(f, language));
            if (mayWrite(f)) {
                inputProps.put(f.id(), FieldSchemas.input(f, language));
                if (f.required() && f.defaultValue() == null) {
                    required.add(f.id());
                }
            }
        }
        output.put("type", "object");
        output.put("title", label);
        output.put("properties", outputProps);
        output.put("required", List.of("id", "row_version"));
        output.put("x-kehu-label", map("zh", nonNull(form.label().zh()), "en", nonNull(form.label().en())));
        schemas.put(id, output);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "object");
        update.put("properties", inputProps);
        update.put("additionalProperties", false);
        schemas.put(id + "_update", update);
        Map<String, Object> create = new LinkedHashMap<>(update);
        if (!required.isEmpty()) {
            create.put("required", required);
        }
        schemas.put(id + "_create", create);
        List<ListedColumn> contributed = listColumns.apply(id);
        Map<String, Object> item = ref(id);
        if (!contributed.isEmpty()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            for (ListedColumn c : contributed) {
                Map<String, Object> schema = new LinkedHashMap<>(FieldSchemas.output(c.field(), language));
                schema.put("readOnly", true);
                schema.put("x-kehu-contributed-by", c.origin());
                extra.put(c.id(), schema);
            }
            item = map("allOf", List.of(ref(id), map("type", "object", "properties", extra)));
        }
        schemas.put(id + "_page", map("type", "object", "properties", map(
                "items", map("type", "array", "items", item),
                "next_cursor", map("type", List.of("string", "null"))), "required", List.of("items", "next_cursor")));

        String base = "/api/forms/" + id + "/records";
        List<Object> tags = List.of(label);
        paths.put(base, map(
                "get", operation(id + "_list", tags, label, listParameters(form, contributed), null,
                        map("200", content(ref(id + "_page")))),
                "post", operation(id + "_create", tags, label, List.of(header("Idempotency-Key", false)),
                        body(id + "_create"), map("201", withEtag(content(ref(id)))))));
        List<Object> idParam = List.of(pathId());
        paths.put(base + "/{id}", map(
                "get", operation(id + "_get", tags, label, idParam, null, map("200", withEtag(content(ref(id))))),
                "patch", operation(id + "_update", tags, label, List.of(pathId(), header("If-Match", true)),
                        body(id + "_update"), map("200", withEtag(content(ref(id))))),
                "put", operation(id + "_replace", tags, label, List.of(pathId(), header("If-Match", true)),
                        body(id + "_update"), map("200", withEtag(content(ref(id))))),
                "delete", operation(id + "_delete", tags, label, List.of(pathId(), header("If-Match", true)), null,
                        map("204", map("description", "OK")))));
        paths.put(base + "/{id}/restore", map("post", operation(id + "_restore", tags, label,
                List.of(pathId(), header("If-Match", true)), null, map("200", withEtag(content(ref(id)))))));
        paths.put(base + "/{id}/history", map("get", operation(id + "_history", tags, label,
                List.of(pathId(), query("offset", map("type", "integer", "minimum", 0), "0-based"),
                        query("limit", map("type", "integer", "minimum", 1, "maximum", 1000), "1..1000")),
                null, map("200", content(map("type", "object", "properties", map("items",
                        map("type", "array", "items", map("type", "object")))))))));
        for (FieldDefinition f : form.fields()) {
            if (f.storedType() == FieldType.SUBTABLE && f.form() != null && documented.contains(f.form())
                    && mayRead(f)) {
                addRows(base, id, label, f, paths);
            }
        }
    }

    /** The rows of subtable {@code f}: listed and added through their parent record. */
    private void addRows(String base, String formId, String formLabel, FieldDefinition f,
                         Map<String, Object> paths) {
        String summary = formLabel + " · " + FieldSchemas.text(f.label(), language, f.id());
        List<Object> tags = List.of(formLabel);
        List<Object> idParam = List.of(pathId());
        Map<String, Object> rowList = map("type", "object", "properties",
                map("items", map("type", "array", "items", ref(f.form()))));
        paths.put(base + "/{id}/rows/" + f.id(), map(
                "get", operation(formId + "_" + f.id() + "_rows", tags, summary, idParam, null,
                        map("200", content(rowList))),
                "post", operation(formId + "_" + f.id() + "_add_row", tags, summary, idParam,
                        body(f.form() + "_create"), map("201", withEtag(content(ref(f.form())))))));
    }

    private List<Object> listParameters(FormDefinition form, List<ListedColumn> contributed) {
        List<Object> params = new ArrayList<>();
        params.add(query("limit", map("type", "integer", "minimum", 1, "maximum", 200, "default", 50), "1..200"));
        params.add(query("cursor", map("type", "string"), "next_cursor of the previous page"));
        params.add(query("sort", map("type", "string"), "e.g. -updated_at,name"));
        params.add(query("fields", map("type", "string"), "e.g. name,phone"));
        params.add(query("q", map("type", "string"), "quick search"));
        for (FieldDefinition f : form.fields()) {
            if (f.storedType() != FieldType.SUBTABLE && mayRead(f)) {
                params.add(query(f.id(), map("type", "string"), FieldSchemas.text(f.label(), language, f.id())
                        + " — " + f.id() + "[eq|ne|contains|starts_with|gt|gte|lt|lte|between|in|empty|not_empty"
                        + "|contains_any]=…"));
            }
        }
        for (ListedColumn c : contributed) {
            if (!c.operators().isEmpty()) {
                String ops = io.kehu.platform.api.rest.FilterOperators.names(c.operators());
                params.add(query(c.id(), map("type", "string"), FieldSchemas.text(c.field().label(), language, c.id())
                        + " — " + c.id() + "[" + ops + "]=… (" + c.origin() + ")"));
            }
        }
        return params;
    }

    private boolean mayRead(FieldDefinition f) {
        return actor.isSystem() || f.access().mayRead(actor.roles());
    }

    private boolean mayWrite(FieldDefinition f) {
        return !f.readOnly() && f.type() != FieldType.COMPUTED
                && (actor.isSystem() || f.access().mayRead(actor.roles()) && f.access().mayWrite(actor.roles()));
    }

    static Map<String, Object> operation(String operationId, List<Object> tags, String summary,
                                                 List<Object> parameters, Map<String, Object> requestBody,
                                                 Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("tags", tags);
        op.put("summary", summary);
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (requestBody != null) {
            op.put("requestBody", requestBody);
        }
        Map<String, Object> all = new LinkedHashMap<>(responses);
        for (String status : List.of("400", "401", "403", "404", "409", "412", "413", "422", "428", "429")) {
            all.put(status, map("$ref", "#/components/responses/problem_" + status));
        }
        op.put("responses", all);
        return op;
    }

    private static Map<String, Object> responses(boolean zh) {
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("400", zh ? "请求有误（JSON 格式、查询参数）" : "Bad request (JSON, query parameters)");
        texts.put("401", zh ? "缺少有效令牌" : "No valid token");
        texts.put("403", zh ? "无权执行（字段、令牌范围）" : "Not allowed (field, token scope)");
        texts.put("404", zh ? "表单或记录不存在" : "No such form or record");
        texts.put("409", zh ? "与记录或待办的当前状态冲突" : "Conflicts with the current state of the record or task");
        texts.put("412", zh ? "记录已被他人修改（ETag 过期）" : "Changed by someone else (stale ETag)");
        texts.put("413", zh ? "请求体超过 1 MiB" : "Body larger than 1 MiB");
        texts.put("422", zh ? "数据未通过校验" : "Values not valid");
        texts.put("428", zh ? "缺少 If-Match" : "If-Match required");
        texts.put("429", zh ? "请求过于频繁（见 Retry-After）" : "Too many requests (see Retry-After)");
        texts.forEach((status, text) -> responses.put("problem_" + status, map("description", text, "content",
                map(PROBLEM_JSON, map("schema", ref("Problem"))))));
        return responses;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> error = map("type", "object", "properties", map(
                "pointer", map("type", "string"), "parameter", map("type", "string"),
                "code", map("type", "string"), "detail", map("type", "string")));
        return map("type", "object", "properties", map(
                "type", map("type", "string"), "title", map("type", "string"), "status", map("type", "integer"),
                "detail", map("type", "string"), "instance", map("type", "string"),
                "errors", map("type", "array", "items", error)));
    }

    private static Map<String, Object> systemSchema(String name) {
        return switch (name) {
            case "created_at", "updated_at", "deleted_at" -> map("type", List.of("string", "null"),
                    "format", "date-time", "readOnly", true);
            case "row_version" -> map("type", "integer", "readOnly", true);
            case "id" -> map("type", "integer", "format", "int64", "readOnly", true);
            default -> map("type", List.of("integer", "null"), "format", "int64", "readOnly", true);
        };
    }

    static Map<String, Object> pathId() {
        return map("name", "id", "in", "path", "required", true, "schema", map("type", "integer", "format", "int64"));
    }

    static Map<String, Object> header(String name, boolean required) {
        return map("name", name, "in", "header", "required", required, "schema", map("type", "string"));
    }

    static Map<String, Object> query(String name, Map<String, Object> schema, String description) {
        return map("name", name, "in", "query", "required", false, "schema", schema, "description", description);
    }

    static Map<String, Object> body(String schema) {
        return map("required", true, "content", map(JSON, map("schema", ref(schema))));
    }

    static Map<String, Object> content(Map<String, Object> schema) {
        return map("description", "OK", "content", map(JSON, map("schema", schema)));
    }

    static Map<String, Object> withEtag(Map<String, Object> response) {
        Map<String, Object> copy = new LinkedHashMap<>(response);
        copy.put("headers", map("ETag", map("description", "row version", "schema", map("type", "string"))));
        return copy;
    }

    static Map<String, Object> ref(String schema) {
        return map("$ref", "#/components/schemas/" + schema);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
