package io.kehu.platform.forms;

import static io.kehu.platform.forms.JsonPaths.field;
import static io.kehu.platform.forms.JsonPaths.index;
import static io.kehu.platform.forms.JsonPaths.key;

import io.kehu.platform.forms.RuleCompileCheck.ScriptKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The checks of one form definition that a JSON Schema cannot express: identifiers that become SQL names, references
 * between keys (layout → fields, titleField, reference targets), values that must fit their field's type, and
 * combinations of keys that make no sense for a type. Each problem names the key to fix.
 */
final class DefinitionChecks {

    private static final Set<FieldType> NUMERIC = EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY,
            FieldType.PERCENT, FieldType.RATING);
    private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL);
    private static final Set<FieldType> NOT_INDEXABLE = EnumSet.of(FieldType.MULTISELECT, FieldType.SUBTABLE,
            FieldType.TEXTAREA);
    private static final Set<FieldType> NOT_A_RESULT_TYPE = EnumSet.of(FieldType.SUBTABLE, FieldType.MULTISELECT,
            FieldType.COMPUTED, FieldType.REFERENCE);
    private static final Set<FieldType> WITHOUT_DEFAULT = EnumSet.of(FieldType.USER, FieldType.REFERENCE,
            FieldType.SUBTABLE, FieldType.COMPUTED);
    private static final BigDecimal RATING_LOWEST = BigDecimal.ONE;
    private static final BigDecimal RATING_HIGHEST = BigDecimal.valueOf(5);

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
    static List<DefinitionProblem> check(String source, FormDefinition form, Set<String> targetForms,
                                         RuleCompileCheck compileCheck) {
        DefinitionChecks checks = new DefinitionChecks(source, form, targetForms, compileCheck);
        checks.formId();
        checks.fields();
        checks.recordFields();
        checks.layout();
        checks.scripts();
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
            new FieldChecks(i, f).run();
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

    /** The checks of one field, which mostly depend on its type. */
    private final class FieldChecks {

        private final int index;
        private final FieldDefinition f;
        private final FieldType type;

        FieldChecks(int index, FieldDefinition f) {
            this.index = index;
            this.f = f;
            this.type = f.storedType();
        }

        void run() {
            options();
            target();
            computed();
            bounds();
            text();
            scaleAndCurrency();
            indexing();
            defaultValue();
        }

        private void options() {
            String path = field(index, "options");
            if (!f.type().hasOptions()) {
                if (!f.options().isEmpty()) {
                    problem(path, "options are only allowed on select and multiselect fields, not on "
                            + f.type().jsonName());
                }
                return;
            }
            if (f.options().isEmpty()) {
                problem(path, f.type().jsonName() + " field '" + f.id() + "' needs at least one option");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < f.options().size(); k++) {
                String value = f.options().get(k).value();
                String optionPath = index(path, k);
                if (value.isBlank()) {
                    problem(optionPath, "option value is blank");
                } else if (value.length() > FormTables.OPTION_VALUE_LENGTH) {
                    problem(optionPath, "option value '" + value + "' is longer than "
                            + FormTables.OPTION_VALUE_LENGTH + " characters");
                } else if (!seen.add(value)) {
                    problem(optionPath, "duplicate option value '" + value + "'");
                }
            }
        }

        private void target() {
            String path = field(index, "form");
            if (!f.type().targetsForm()) {
                if (f.form() != null) {
                    problem(path, "'form' is only allowed on reference and subtable fields, not on "
                            + f.type().jsonName());
                }
                return;
            }
            if (f.form() == null) {
                problem(path, "a " + f.type().jsonName() + " field needs 'form': the id of the form it "
                        + (f.type() == FieldType.SUBTABLE ? "holds rows of" : "points to"));
            } else if (f.type() == FieldType.SUBTABLE && f.form().equals(form.id())) {
                problem(path, "a subtable cannot hold rows of its own form '" + f.form() + "'");
            } else if (!f.form().equals(form.id()) && !targetForms.contains(f.form())) {
                problem(path, "form '" + f.form() + "' is not defined"
                        + (targetForms.isEmpty() ? "" : " (known forms: "
                        + targetForms.stream().sorted().collect(Collectors.joining(", ")) + ")"));
            }
        }

        private void computed() {
            if (f.type() != FieldType.COMPUTED) {
                if (f.expression() != null) {
                    problem(field(index, "expression"), "'expression' is only allowed on computed fields");
                }
                if (f.resultType() != null) {
                    problem(field(index, "resultType"), "'resultType' is only allowed on computed fields");
                }
                return;
            }
            if (f.expression() == null) {
                problem(field(index, "expression"), "a computed field needs an 'expression'");
            }
            if (f.resultType() == null) {
                problem(field(index, "resultType"),
                        "a computed field needs a 'resultType', the plain type its value is stored as");
            } else if (NOT_A_RESULT_TYPE.contains(f.resultType())) {
                problem(field(index, "resultType"), "resultType must be a plain stored type, not "
                        + f.resultType().jsonName());
            }
        }

        private void bounds() {
            if (!NUMERIC.contains(type)) {
                for (String key : List.of("min", "max")) {
                    if ((key.equals("min") ? f.min() : f.max()) != null) {
                        problem(field(index, key), "'" + key + "' is only allowed on number fields (integer, "
                                + "decimal, money, percent, rating), not on " + type.jsonName());
                    }
                }
                return;
            }
            if (type == FieldType.RATING) {
                ratingBound("min", f.min());
                ratingBound("max", f.max());
            }
            if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
                problem(field(index, "min"), "min " + f.min().toPlainString() + " is greater than max "
                        + f.max().toPlainString());
            }
        }

        private void ratingBound(String key, BigDecimal bound) {
            if (bound != null && (bound.compareTo(RATING_LOWEST) < 0 || bound.compareTo(RATING_HIGHEST) > 0)) {
                problem(field(index, key), "a rating's " + key + " must be between 1 and 5, not "
                        + bound.toPlainString());
            }
        }

        private void text() {
            if (f.maxLength() != null) {
                if (type != FieldType.TEXT && type != FieldType.TEXTAREA) {
                    problem(field(index, "maxLength"), "'maxLength' is only allowed on text and textarea fields, "
                            + "not on " + type.jsonName());
                } else if (f.maxLength() < 1 || f.maxLength() > 10_000) {
                    problem(field(index, "maxLength"), "maxLength must be 1 to 10000, not " + f.maxLength());
                }
            }
            if (f.pattern() != null) {
                if (!TEXTUAL.contains(type)) {
                    problem(field(index, "pattern"), "'pattern' is only allowed on text, textarea, email, phone "
                            + "and url fields, not on " + type.jsonName());
                } else {
                    try {
                        Pattern.compile(f.pattern());
                    } catch (PatternSyntaxException e) {
                        problem(field(index, "pattern"), "pattern '" + f.pattern()
                                + "' is not a valid regular expression: " + e.getDescription());
                    }
                }
            }
        }

        private void scaleAndCurrency() {
            if (f.scale() != null) {
                if (type != FieldType.DECIMAL) {
                    problem(field(index, "scale"), "'scale' is only allowed on decimal fields, not on "
                            + type.jsonName());
                } else if (f.scale() < 0 || f.scale() > 10) {
                    problem(field(index, "scale"), "scale must be 0 to 10, not " + f.scale());
                }
            }
            if (f.currency() != null) {
                if (type != FieldType.MONEY) {
                    problem(field(index, "currency"), "'currency' is only allowed on money fields, not on "
                            + type.jsonName());
                } else if (!f.currency().matches("[A-Z]{3}")) {
                    problem(field(index, "currency"), "currency '" + f.currency()
                            + "' must be an ISO 4217 code of 3 upper-case letters, e.g. CNY");
                }
            }
        }

        private void indexing() {
            if (NOT_INDEXABLE.contains(type)) {
                if (f.unique()) {
                    problem(field(index, "unique"), "'unique' is not allowed on " + type.jsonName() + " fields");
                }
                if (f.indexed()) {
                    problem(field(index, "indexed"), "'indexed' is not allowed on " + type.jsonName() + " fields");
                }
            }
        }

        private void defaultValue() {
            Object value = f.defaultValue();
            if (value == null) {
                return;
            }
            String path = field(index, "default");
            if (WITHOUT_DEFAULT.contains(f.type())) {
                problem(path, "a default is not supported on " + f.type().jsonName() + " fields");
                return;
            }
            String reason = defaultProblem(value);
            if (reason != null) {
                problem(path, "default " + show(value) + " " + reason);
            }
        }

        private String defaultProblem(Object value) {
            return switch (type) {
                case TEXT, TEXTAREA, EMAIL, PHONE, URL -> textDefault(value);
                case INTEGER, RATING -> value instanceof Long number
                        ? inBounds(BigDecimal.valueOf(number))
                        : "must be a whole number";
                case DECIMAL, MONEY, PERCENT -> value instanceof BigDecimal number
                        ? inBounds(number)
                        : "must be a number";
                case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
                case DATE -> isoDate(value);
                case DATETIME -> isoDateTime(value);
                case SELECT -> value instanceof String s
                        ? (f.option(s).isPresent() ? null : "is not one of the option values")
                        : "must be one of the option values";
                case MULTISELECT -> multiselectDefault(value);
                case USER, REFERENCE, SUBTABLE, COMPUTED -> "is not supported";
            };
        }

        private String textDefault(Object value) {
            if (!(value instanceof String s)) {
                return "must be a string";
            }
            if (f.maxLength() != null && s.length() > f.maxLength()) {
                return "is longer than maxLength " + f.maxLength();
            }
            if (f.pattern() != null) {
                try {
                    if (!Pattern.compile(f.pattern()).matcher(s).matches()) {
                        return "does not match the pattern";
                    }
                } catch (PatternSyntaxException e) {
                    return null;
                }
            }
            return null;
        }

        private String inBounds(BigDecimal number) {
            if (f.min() != null && number.compareTo(f.min()) < 0) {
                return "is less than min " + f.min().toPlainString();
            }
            if (f.max() != null && number.compareTo(f.max()) > 0) {
                return "is greater than max " + f.max().toPlainString();
            }
            if (type == FieldType.RATING && (number.compareTo(RATING_LOWEST) < 0
                    || number.compareTo(RATING_HIGHEST) > 0)) {
                return "must be 1 to 5";
            }
            return null;
        }

        private static String isoDate(Object value) {
            try {
                LocalDate.parse((String) value);
                return null;
            } catch (ClassCastException | DateTimeParseException e) {
                return "must be an ISO date such as 2024-05-01";
            }
        }

        private static String isoDateTime(Object value) {
            try {
                OffsetDateTime.parse((String) value);
                return null;
            } catch (ClassCastException | DateTimeParseException e) {
                return "must be an ISO date-time with offset such as 2024-05-01T09:30:00+08:00";
            }
        }

        private String multiselectDefault(Object value) {
            if (!(value instanceof List<?> values)) {
                return "must be a list of option values";
            }
            Set<Object> seen = new HashSet<>();
            for (Object v : values) {
                if (!(v instanceof String s) || f.option(s).isEmpty()) {
                    return "contains " + show(v) + ", which is not one of the option values";
                }
                if (!seen.add(v)) {
                    return "contains " + show(v) + " twice";
                }
            }
            return null;
        }

        private static String show(Object value) {
            if (value instanceof String s) {
                return "'" + s + "'";
            }
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(FieldChecks::show).collect(Collectors.joining(", ", "[", "]"));
            }
            return String.valueOf(value);
        }
    }
}
