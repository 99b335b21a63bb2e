package io.kehu.platform.forms.reading;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.DefinitionProblem.Kind;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormTables;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a value written in a definition (a number bound or default, a text default) fits the column its field is
 * stored in. A default that does not fit would be accepted on publish and then make every create fail; a bound that
 * does not fit could never be reached.
 */
public final class ColumnFit {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ColumnFit() {
    }

    /**
     * The problem of number {@code value} under {@code key} (min, max, default) of number field {@code field}, if it
     * does not fit. Ratings are left to their own 1-to-5 check.
     */
    static Optional<DefinitionProblem> number(String source, String path, String key, FieldDefinition field,
                                              BigDecimal value) {
        ColumnShape column = ColumnShape.of(FormTables.columnType(field));
        // Stripping is cheap: the reader's limits have already bounded every number's digits.
        BigDecimal stripped = value.stripTrailingZeros();
        String shown = value.toPlainString();
        return switch (column.kind()) {
            case BIGINT -> value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0
                    ? Optional.of(DefinitionProblem.of(source, path, Kind.NUMBER_OUT_OF_RANGE, shown,
                            LONG_MIN.toPlainString(), LONG_MAX.toPlainString()))
                    : Optional.empty();
            case NUMERIC -> {
                int integerDigits = stripped.signum() == 0 ? 0 : stripped.precision() - stripped.scale();
                int fractionDigits = Math.max(stripped.scale(), 0);
                yield integerDigits > column.integerDigits() || fractionDigits > column.scale()
                        ? Optional.of(DefinitionProblem.of(source, path, Kind.NUMBER_DOES_NOT_FIT, key, shown,
                                column.text(), field.storedType().jsonName(),
                                String.valueOf(column.integerDigits()), String.valueOf(column.scale())))
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** The problem of a text default longer than the varchar column of {@code field}, if it is. */
    static Optional<DefinitionProblem> text(String source, String path, FieldDefinition field, String value) {
        ColumnShape column = ColumnShape.of(FormTables.columnType(field));
        int length = value.codePointCount(0, value.length());
        if (column.kind() == ColumnShape.Kind.VARCHAR && length > column.length()) {
            return Optional.of(DefinitionProblem.of(source, path, Kind.DEFAULT_TOO_LONG,
                    String.valueOf(length), String.valueOf(column.length())));
        }
        return Optional.empty();
    }
}
