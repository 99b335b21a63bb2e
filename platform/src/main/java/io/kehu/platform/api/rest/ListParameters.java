package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.ListedColumn;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The query string of a list request, checked against the form before anything reaches SQL: every name must be a
 * field the caller may read (or one of the system columns {@code id}, {@code created_at}, {@code updated_at}), every
 * operator one of the list view's. Names are only ever looked up in the definition, never written into a query, so a
 * name like {@code name'--} is just an unknown field.
 *
 * <pre>
 * ?status=open                      equals
 * ?name[contains]=华 &amp;amount[between]=10,99.5 &amp;tags[contains_any]=vip,new
 * ?sort=-updated_at,name  &amp;limit=50  &amp;cursor=…  &amp;fields=name,phone  &amp;q=quick search
 * </pre>
 */
final class ListParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> SYSTEM_FILTERS = Set.of(FormTables.ID, FormTables.CREATED_AT, FormTables.UPDATED_AT,
            FormTables.CREATED_BY, FormTables.UPDATED_BY);
    private static final Set<String> RESERVED = Set.of("limit", "cursor", "sort", "fields", "q", "include_deleted");
    private static final Pattern FILTER = Pattern.compile("([^\\[\\]]+)(?:\\[([^\\[\\]]*)\\])?");
    static final Map<String, Operator> OPERATORS = operators();

    /**
     * A parsed list request.
     *
     * @param query the records query (without cursor position)
     * @param sort the sort parameter as given (the cursor is bound to it)
     * @param fields the selected fields, or {@code null} for all readable ones
     * @param cursor the cursor to continue after, or {@code null}
     * @param listColumns the contributed list columns the answer carries (all the caller may read, or those of
     *     {@code fields}), in the order they are offered
     */
    record Parsed(RecordQuery query, String sort, Set<String> fields, String cursor, List<ListedColumn> listColumns) {
    }

    private ListParameters() {
    }

    static Parsed parse(FormDefinition form, Actor actor, Map<String, String[]> params) {
        return parse(form, actor, params, Map.of());
    }

    /**
     * @param contributed the list columns other features contribute to the form that the caller may read, by id: they
     *     are filtered, sorted and selected like fields, within what each allows
     */
    static Parsed parse(FormDefinition form, Actor actor, Map<String, String[]> params,
                        Map<String, ListedColumn> contributed) {
        // The problems are collected first and made into one ApiProblem only when there are any: the exception is
        // the refusal, not the usual case.
        List<FieldProblem> problems = new ArrayList<>(0);
        RecordQuery query = RecordQuery.of(form.id());
        int limit = DEFAULT_LIMIT;
        String limitText = first(params, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(FieldProblem.atParameter("limit", "bad_limit", "api.problem.bad_limit", MAX_LIMIT));
                limit = DEFAULT_LIMIT;
            }
        }
        query = query.limit(limit);
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            if (RESERVED.contains(p.getKey())) {
                continue;
            }
            String key = p.getKey();
            // A plain name (the usual filter) needs no pattern; name[op] does.
            boolean plain = !key.isEmpty() && key.indexOf('[') < 0 && key.indexOf(']') < 0;
            Matcher m = plain ? null : FILTER.matcher(key);
            boolean matches = plain || m.matches();
            String column = plain || !matches ? key : m.group(1);
            ListedColumn listed = contributed.get(column);
            if (!matches || !(filterable(form, actor, column) || listed != null && !listed.operators().isEmpty())) {
                problems.add(FieldProblem.atParameter(key, "unknown_field", "api.problem.unknown_field",
                        column));
                continue;
            }
            String opName = plain || m.group(2) == null ? "eq" : m.group(2);
            Operator op = OPERATORS.get(opName);
            if (op != null && listed != null && !listed.operators().contains(op)) {
                problems.add(FieldProblem.atParameter(p.getKey(), "unknown_operator",
                        "api.problem.unknown_operator", opName, OPERATORS.entrySet().stream()
                                .filter(e -> listed.operators().contains(e.getValue())).map(Map.Entry::getKey)
                                .collect(java.util.stream.Collectors.joining(", "))));
                continue;
            }
            if (op == null) {
                problems.add(FieldProblem.atParameter(p.getKey(), "unknown_operator",
                        "api.problem.unknown_operator", opName, String.join(", ", OPERATORS.keySet())));
                continue;
            }
            query = query.where(new Filter(column, op, operands(op, p.getValue())));
        }
        String sort = first(params, "sort");
        List<Sort> sorts = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String key : sort.split(",", -1)) {
                String k = key.strip();
                boolean descending = k.startsWith("-");
                String column = descending ? k.substring(1) : k;
                ListedColumn listed = contributed.get(column);
                boolean sortable = listed != null ? listed.sortable()
                        : filterable(form, actor, column) && !multiselect(form, column);
                if (!sortable) {
                    problems.add(FieldProblem.atParameter("sort", "unknown_field", "api.problem.unknown_field",
                            column));
                    continue;
                }
                sorts.add(new Sort(column, descending));
            }
        }
        query = query.sortBy(sorts.toArray(Sort[]::new));
        String q = first(params, "q");
        if (q != null && !q.isBlank()) {
            query = query.search(q);
        }
        if ("true".equals(first(params, "include_deleted"))) {
            query = query.includeDeleted(true);
        }
        Set<String> fields = null;
        String fieldsText = first(params, "fields");
        if (fieldsText != null) {
            fields = new LinkedHashSet<>();
            for (String f : fieldsText.split(",", -1)) {
                String id = f.strip();
                if (id.isEmpty()) {
                    continue;
                }
                if (!readable(form, actor, id) && !contributed.containsKey(id)) {
                    problems.add(FieldProblem.atParameter("fields", "unknown_field", "api.problem.unknown_field", id));
                }
                fields.add(id);
            }
        }
        if (!problems.isEmpty()) {
            ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query");
            problems.forEach(problem::error);
            throw problem;
        }
        Set<String> selected = fields;
        List<ListedColumn> shown = contributed.isEmpty() ? List.of() : contributed.values().stream()
                .filter(c -> selected == null || selected.contains(c.id())).toList();
        if (!shown.isEmpty()) {
            query = query.withListColumns(shown.stream().map(ListedColumn::id).toList());
        }
        return new Parsed(query, sort == null ? "" : sort, fields, first(params, "cursor"), shown);
    }

    private static List<Object> operands(Operator op, String[] given) {
        List<Object> values = new ArrayList<>();
        for (String v : given) {
            if (op == Operator.IN || op == Operator.BETWEEN || op == Operator.CONTAINS_ANY) {
                values.addAll(Arrays.asList(v.split(",", -1)));
            } else {
                values.add(v);
            }
        }
        if (op == Operator.IS_EMPTY || op == Operator.IS_NOT_EMPTY) {
            return List.of();
        }
        return values;
    }

    private static boolean filterable(FormDefinition form, Actor actor, String column) {
        return SYSTEM_FILTERS.contains(column) || readable(form, actor, column);
    }

    /** A stored field of the form that the actor may read. */
    static boolean readable(FormDefinition form, Actor actor, String fieldId) {
        return form.field(fieldId)
                .filter(f -> f.storedType() != FieldType.SUBTABLE)
                .filter(f -> actor.isSystem() || f.access().mayRead(actor.roles()))
                .isPresent();
    }

    private static boolean multiselect(FormDefinition form, String column) {
        return form.field(column).map(FieldDefinition::storedType).filter(t -> t == FieldType.MULTISELECT)
                .isPresent();
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static Map<String, Operator> operators() {
        Map<String, Operator> ops = new LinkedHashMap<>();
        ops.put("eq", Operator.EQUALS);
        ops.put("ne", Operator.NOT_EQUALS);
        ops.put("contains", Operator.CONTAINS);
        ops.put("starts_with", Operator.STARTS_WITH);
        ops.put("gt", Operator.GREATER);
        ops.put("gte", Operator.GREATER_OR_EQUAL);
        ops.put("lt", Operator.LESS);
        ops.put("lte", Operator.LESS_OR_EQUAL);
        ops.put("between", Operator.BETWEEN);
        ops.put("in", Operator.IN);
        ops.put("empty", Operator.IS_EMPTY);
        ops.put("not_empty", Operator.IS_NOT_EMPTY);
        ops.put("contains_any", Operator.CONTAINS_ANY);
        return java.util.Collections.unmodifiableMap(ops);
    }
}
