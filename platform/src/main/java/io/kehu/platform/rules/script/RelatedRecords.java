package io.kehu.platform.rules.script;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records of another form that point at the current record through a reference field, e.g. a customer's
 * purchases: {@code related('purchase').from('purchased_on', startOfYear(today)).sum('amount')}. Nothing is read
 * until an aggregate is asked for; then one query through the record store reads at most {@value #MAX_ROWS} rows, and
 * a rule over more related records than that fails instead of answering from a part of them.
 */
public final class RelatedRecords {

    /** Most rows one aggregate reads. */
    public static final int MAX_ROWS = 1000;

    /** Where rows come from: the record store, as the rule's user (or the platform for computed fields). */
    public interface Source {

        /** The values of at most {@value #MAX_ROWS} matching rows; more than that must throw a limit exception. */
        List<Map<String, Object>> rows(String formId, String referenceField, Long recordId, List<Condition> where);
    }

    /**
     * One condition on a related field.
     *
     * @param field the field of the related form
     * @param operator {@code =}, {@code >=} or {@code <=}
     * @param value the value compared with
     */
    public record Condition(String field, String operator, Object value) {
    }

    private final Source source;
    private final String formId;
    private final String referenceField;
    private final Long recordId;
    private final List<Condition> where;

    public RelatedRecords(Source source, String formId, String referenceField, Long recordId, List<Condition> where) {
        this.source = Objects.requireNonNull(source);
        this.formId = formId;
        this.referenceField = referenceField;
        this.recordId = recordId;
        this.where = List.copyOf(where);
    }

    /** Only rows whose {@code field} equals {@code value}. */
    public RelatedRecords where(String field, Object value) {
        return with(new Condition(field, "=", value));
    }

    /** Only rows whose {@code field} is at least {@code value} (dates: on or after). */
    public RelatedRecords from(String field, Object value) {
        return with(new Condition(field, ">=", value));
    }

    /** Only rows whose {@code field} is at most {@code value} (dates: on or before). */
    public RelatedRecords until(String field, Object value) {
        return with(new Condition(field, "<=", value));
    }

    public int count() {
        return rows().size();
    }

    public boolean exists() {
        return !rows().isEmpty();
    }

    /** The sum of a number or money field; empty values count as nothing, no rows give 0. */
    public BigDecimal sum(String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : numbers(field)) {
            total = RuleLimits.plus(total, v);
        }
        return total;
    }

    /** The largest value of a number or money field, or null without values. */
    public BigDecimal max(String field) {
        return numbers(field).stream().max(BigDecimal::compareTo).orElse(null);
    }

    /** The smallest value of a number or money field, or null without values. */
    public BigDecimal min(String field) {
        return numbers(field).stream().min(BigDecimal::compareTo).orElse(null);
    }

    /**
     * The latest value of a date or date-and-time field, or null without values:
     * {@code daysSince(related('interaction').latest('occurred_at')) > 30}.
     */
    public Object latest(String field) {
        return moments(field).stream().max(RelatedRecords::compareMoments).orElse(null);
    }

    /** The earliest value of a date or date-and-time field, or null without values. */
    public Object earliest(String field) {
        return moments(field).stream().min(RelatedRecords::compareMoments).orElse(null);
    }

    /** The average of a number or money field, or null without values. */
    public BigDecimal average(String field) {
        List<BigDecimal> values = numbers(field);
        return values.isEmpty() ? null : RuleLimits.divide(sum(field), values.size());
    }

    private RelatedRecords with(Condition condition) {
        List<Condition> more = new ArrayList<>(where);
        more.add(condition);
        return new RelatedRecords(source, formId, referenceField, recordId, more);
    }

    private List<Map<String, Object>> rows() {
        return recordId == null ? List.of() : source.rows(formId, referenceField, recordId, where);
    }

    private List<Object> moments(String field) {
        List<Object> moments = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            Object value = row.get(field);
            if (value instanceof LocalDate || value instanceof OffsetDateTime) {
                moments.add(value);
            } else if (value != null) {
                throw new RuleLimitException("latest() and earliest() take a date or date-and-time field, not " + field);
            }
        }
        return moments;
    }

    private static int compareMoments(Object a, Object b) {
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        throw new RuleLimitException("latest() and earliest() take values of one kind");
    }

    private List<BigDecimal> numbers(String field) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            BigDecimal value = new RuleRecord(null, row).decimal(field);
            if (value != null) {
                numbers.add(value);
            }
        }
        return numbers;
    }
}
