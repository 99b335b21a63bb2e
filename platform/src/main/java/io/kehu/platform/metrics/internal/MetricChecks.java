package io.kehu.platform.metrics.internal;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.metrics.MetricDefinition.Function;
import io.kehu.platform.metrics.MetricProblem;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a metric against its form. Filters are limited to the shapes the list view's filter bar shows (per
 * type: options and users "in", dates and numbers ranges, ...), because a drill-through must list exactly the
 * measured records and the user must see why.
 */
final class MetricChecks {

    private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY,
            FieldType.PERCENT, FieldType.RATING);
    private static final Set<FieldType> TEXTS = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL);
    private static final Set<FieldType> GROUPABLE = EnumSet.of(FieldType.SELECT, FieldType.USER,
            FieldType.REFERENCE, FieldType.BOOLEAN);

    private final String source;
    private final FormDefinition form;
    private final List<MetricProblem> problems;

    MetricChecks(String source, FormDefinition form, List<MetricProblem> problems) {
        this.source = source;
        this.form = form;
        this.problems = problems;
    }

    void problem(String path, String message) {
        problems.add(new MetricProblem(source, path, message));
    }

    /** The stored type of {@code field} (created_at / updated_at: date-time), or {@code null} after a problem. */
    FieldType type(String field, String path) {
        if (FormTables.CREATED_AT.equals(field) || FormTables.UPDATED_AT.equals(field)) {
            return FieldType.DATETIME;
        }
        FieldDefinition f = form.field(field).orElse(null);
        if (f == null || f.type() == FieldType.SUBTABLE || f.type() == FieldType.COMPUTED && f.resultType() == null) {
            problem(path, "form " + form.id() + " has no field '" + field + "' that holds a value; use one of "
                    + String.join(", ", form.fields().stream().map(FieldDefinition::id).toList())
                    + ", created_at, updated_at");
            return null;
        }
        return f.storedType();
    }

    void timeField(String field, String path) {
        FieldType type = type(field, path);
        if (type != null && type != FieldType.DATE && type != FieldType.DATETIME) {
            problem(path, "the time field must be a date or date-time field, not " + type.name().toLowerCase());
        }
    }

    void groupField(String field, String path) {
        FieldType type = type(field, path);
        if (type != null && !GROUPABLE.contains(type)) {
            problem(path, "group by an option, user, record or yes/no field, not " + type.name().toLowerCase()
                    + " field '" + field + "'");
        }
    }

    void measured(Function function, String field, String since, String path) {
        if (function == Function.COUNT) {
            if (field != null || since != null) {
                problem(path + ".field", "count counts records; remove 'field' (use count_distinct for values)");
            }
            return;
        }
        if (field == null) {
            problem(path, function.name().toLowerCase() + " needs a 'field'");
            return;
        }
        FieldType type = type(field, path + ".field");
        if (type == null) {
            return;
        }
        if (since != null) {
            FieldType from = type(since, path + ".since");
            if (type != FieldType.DATETIME || from != null && from != FieldType.DATETIME) {
                problem(path + ".since", "a duration needs two date-time fields");
            }
            if (function == Function.COUNT_DISTINCT) {
                problem(path + ".since", "count_distinct does not measure durations");
            }
            return;
        }
        boolean numeric = NUMBERS.contains(type);
        if ((function == Function.SUM || function == Function.AVG || function == Function.PERCENTILE) && !numeric) {
            problem(path + ".field", function.name().toLowerCase() + " needs a number or money field, not "
                    + type.name().toLowerCase() + " field '" + field + "'");
        }
        if ((function == Function.MIN || function == Function.MAX) && !numeric && type != FieldType.DATE
                && type != FieldType.DATETIME) {
            problem(path + ".field", "min and max need a number or date field");
        }
        if (type == FieldType.MULTISELECT) {
            problem(path + ".field", "a multiselect field cannot be measured");
        }
    }

    void filter(Filter filter, String path) {
        FieldType type = type(filter.column(), path + ".field");
        if (type == null) {
            return;
        }
        Operator op = filter.operator();
        int values = filter.values().size();
        if (op == Operator.IS_EMPTY || op == Operator.IS_NOT_EMPTY) {
            if (values != 0) {
                problem(path + ".values", "is_empty and is_not_empty take no values");
            }
            return;
        }
        Set<Operator> fits = switch (type) {
            case SELECT, USER -> EnumSet.of(Operator.IN);
            case MULTISELECT -> EnumSet.of(Operator.CONTAINS_ANY);
            case BOOLEAN, REFERENCE -> EnumSet.of(Operator.EQUALS);
            case DATETIME -> EnumSet.of(Operator.GREATER_OR_EQUAL, Operator.LESS);
            default -> TEXTS.contains(type) ? EnumSet.of(Operator.CONTAINS)
                    : EnumSet.of(Operator.GREATER_OR_EQUAL, Operator.LESS_OR_EQUAL);
        };
        if (!fits.contains(op)) {
            problem(path + ".operator", "the list view filters a " + type.name().toLowerCase() + " field with "
                    + String.join(" / ", fits.stream().map(o -> o.name().toLowerCase()).toList())
                    + " (or is_empty / is_not_empty), so drill-through could not show '" + op.name().toLowerCase()
                    + "'");
            return;
        }
        boolean many = op == Operator.IN || op == Operator.CONTAINS_ANY;
        if (many ? values == 0 : values != 1) {
            problem(path + ".values", op.name().toLowerCase() + (many ? " needs at least one value" : " needs one value"));
            return;
        }
        if (type == FieldType.SELECT || type == FieldType.MULTISELECT) {
            List<String> options = form.field(filter.column()).orElseThrow().options().stream()
                    .map(FieldOption::value).toList();
            for (int i = 0; i < values; i++) {
                if (!options.contains(String.valueOf(filter.values().get(i)))) {
                    problem(path + ".values[" + i + "]", "'" + filter.values().get(i) + "' is not an option of "
                            + filter.column() + " (" + String.join(", ", options) + ")");
                }
            }
        }
    }
}
