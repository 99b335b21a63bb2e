package io.kehu.platform.forms.reading;

import static io.kehu.platform.forms.reading.JsonPaths.field;
import static io.kehu.platform.forms.reading.JsonPaths.index;

import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.DefinitionProblem.Kind;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldPatterns;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of one field's keys, which mostly depend on its type: which keys the type allows, options, the target
 * form of references and subtables, computed fields, number bounds that must fit the column, text length and pattern,
 * scale and currency, and indexing. Its default is judged by {@link DefaultValueChecks}.
 */
public final class FieldChecks {

    private static final Set<FieldType> NUMERIC = EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY,
            FieldType.PERCENT, FieldType.RATING);
    private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL);
    private static final Set<FieldType> NOT_INDEXABLE = EnumSet.of(FieldType.MULTISELECT, FieldType.SUBTABLE,
            FieldType.TEXTAREA);
    private static final Set<FieldType> NOT_A_RESULT_TYPE = EnumSet.of(FieldType.SUBTABLE, FieldType.MULTISELECT,
            FieldType.COMPUTED, FieldType.REFERENCE);
    static final BigDecimal RATING_LOWEST = BigDecimal.ONE;
    static final BigDecimal RATING_HIGHEST = BigDecimal.valueOf(5);

    private final String source;
    private final FormDefinition form;
    private final Set<String> targetForms;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final int index;
    private final FieldDefinition f;
    private final FieldType type;

    private FieldChecks(String source, FormDefinition form, Set<String> targetForms, int index) {
        this.source = source;
        this.form = form;
        this.targetForms = targetForms;
        this.index = index;
        this.f = form.fields().get(index);
        this.type = f.storedType();
    }

    /** The problems of the keys of field {@code index} of {@code form}, except its default. */
    static List<DefinitionProblem> check(String source, FormDefinition form, Set<String> targetForms, int index) {
        FieldChecks checks = new FieldChecks(source, form, targetForms, index);
        checks.options();
        checks.target();
        checks.computed();
        checks.bounds();
        checks.text();
        checks.scaleAndCurrency();
        checks.indexing();
        return List.copyOf(checks.problems);
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
        boolean fit = fits("min", f.min()) & fits("max", f.max());
        if (fit && f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
            problem(field(index, "min"), "min " + f.min().toPlainString() + " is greater than max "
                    + f.max().toPlainString());
        }
    }

    private boolean fits(String key, BigDecimal bound) {
        if (bound == null || type == FieldType.RATING) {
            return true;
        }
        var misfit = ColumnFit.number(source, field(index, key), key, f, bound);
        misfit.ifPresent(problems::add);
        return misfit.isEmpty();
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
                FieldPatterns.problem(f.pattern()).ifPresent(reason -> problems.add(DefinitionProblem.of(
                        source, field(index, "pattern"), Kind.PATTERN, "'" + f.pattern() + "'", reason)));
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

    private void problem(String path, String message) {
        problems.add(new DefinitionProblem(source, path, message));
    }
}
