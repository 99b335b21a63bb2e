package io.kehu.platform.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The physical type of one field column, e.g. {@code varchar(255)} or {@code numeric(26,4)}. It is remembered per
 * column because widening can make a column differ from what {@link FormTables#columnType} gives for the current
 * definition (a decimal whose scale went up keeps its integer digits by growing its precision).
 *
 * @param kind the SQL type family
 * @param length characters of a varchar, else 0
 * @param precision total digits of a numeric, else 0
 * @param scale digits after the point of a numeric, else 0
 */
public record ColumnShape(Kind kind, int length, int precision, int scale) {

    /** The column types {@link FormTables} uses for fields. */
    public enum Kind {
        VARCHAR("varchar"), SMALLINT("smallint"), BIGINT("bigint"), NUMERIC("numeric"), DATE("date"),
        TIMESTAMP_WITH_TIME_ZONE("timestamp with time zone"), BOOLEAN("boolean");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }
    }

    private static final Pattern TEXT = Pattern.compile("([a-z ]+)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    /** The shape of a jOOQ data type as {@link FormTables#columnType} produces it. */
    public static ColumnShape of(DataType<?> type) {
        // By Java type: jOOQ reports java.sql.Types.VARCHAR as the SQL type of OFFSETDATETIME.
        Class<?> java = type.getType();
        if (java == String.class) {
            return new ColumnShape(Kind.VARCHAR, type.length(), 0, 0);
        }
        if (java == BigDecimal.class) {
            return new ColumnShape(Kind.NUMERIC, 0, type.precision(), type.scale());
        }
        Kind kind = java == Short.class ? Kind.SMALLINT
                : java == Long.class ? Kind.BIGINT
                : java == LocalDate.class ? Kind.DATE
                : java == OffsetDateTime.class ? Kind.TIMESTAMP_WITH_TIME_ZONE
                : java == Boolean.class ? Kind.BOOLEAN
                : null;
        if (kind == null) {
            throw new IllegalArgumentException("No column shape for " + type.getName());
        }
        return new ColumnShape(kind, 0, 0, 0);
    }

    /** Reads what {@link #text()} wrote. */
    public static ColumnShape parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            for (Kind kind : Kind.values()) {
                if (kind.sql.equals(m.group(1))) {
                    int first = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                    return switch (kind) {
                        case VARCHAR -> new ColumnShape(kind, first, 0, 0);
                        case NUMERIC -> new ColumnShape(kind, 0, first, second);
                        default -> new ColumnShape(kind, 0, 0, 0);
                    };
                }
            }
        }
        throw new IllegalArgumentException("Not a column type: " + text);
    }

    /** The SQL spelling, as stored in {@code kehu_form_column.column_type}: {@code varchar(255)}, {@code bigint}. */
    public String text() {
        return switch (kind) {
            case VARCHAR -> "varchar(" + length + ")";
            case NUMERIC -> "numeric(" + precision + "," + scale + ")";
            default -> kind.sql;
        };
    }

    /** The jOOQ type to create or alter the column with. */
    public DataType<?> dataType() {
        return switch (kind) {
            case VARCHAR -> SQLDataType.VARCHAR(length);
            case SMALLINT -> SQLDataType.SMALLINT;
            case BIGINT -> SQLDataType.BIGINT;
            case NUMERIC -> SQLDataType.NUMERIC(precision, scale);
            case DATE -> SQLDataType.LOCALDATE;
            case TIMESTAMP_WITH_TIME_ZONE -> SQLDataType.OFFSETDATETIME;
            case BOOLEAN -> SQLDataType.BOOLEAN;
        };
    }

    /** Digits before the decimal point that the column can hold: what a numeric change must not reduce. */
    public int integerDigits() {
        return switch (kind) {
            case SMALLINT -> 5;
            case BIGINT -> 19;
            case NUMERIC -> precision - scale;
            default -> 0;
        };
    }

    public boolean isNumber() {
        return kind == Kind.SMALLINT || kind == Kind.BIGINT || kind == Kind.NUMERIC;
    }

    @Override
    public String toString() {
        return text();
    }
}
