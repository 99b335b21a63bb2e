package io.kehu.platform.rules.script;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The values of one record as a rule sees them ({@code record}, {@code old}). Scripts write {@code record.amount};
 * the compiler turns that into the typed accessor of the field's type ({@code record.decimal('amount')}), so rules are
 * type-checked against the form definition. The accessors also accept the loose values of the rule console's sample
 * JSON (a number for a decimal, an ISO text for a date). Money fields read as their amount.
 */
public final class RuleRecord {

    /** A record without values: {@code old} on create. */
    public static final RuleRecord EMPTY = new RuleRecord(null, Map.of());

    private final Long id;
    private final Map<String, ?> values;

    public RuleRecord(Long id, Map<String, ?> values) {
        this.id = id;
        this.values = values;
    }

    /** The record id, or null for a record not saved yet. */
    public Long getId() {
        return id;
    }

    /** Whether the record holds no values (e.g. {@code old} while creating). */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String text(String field) {
        Object v = values.get(field);
        return v == null ? null : v.toString();
    }

    public Long whole(String field) {
        return switch (values.get(field)) {
            case null -> null;
            case Long l -> l;
            case Number n -> n.longValue();
            case Object o -> Long.valueOf(o.toString().strip());
        };
    }

    public Integer rating(String field) {
        Long l = whole(field);
        return l == null ? null : Math.toIntExact(l);
    }

    public BigDecimal decimal(String field) {
        return RuleLimits.toDecimal(values.get(field) instanceof io.kehu.platform.records.Money m ? m.amount()
                : values.get(field));
    }

    public LocalDate date(String field) {
        return switch (values.get(field)) {
            case null -> null;
            case LocalDate d -> d;
            case OffsetDateTime t -> t.toLocalDate();
            case Object o -> LocalDate.parse(o.toString().strip());
        };
    }

    public OffsetDateTime dateTime(String field) {
        return switch (values.get(field)) {
            case null -> null;
            case OffsetDateTime t -> t;
            case Object o -> OffsetDateTime.parse(o.toString().strip());
        };
    }

    public Boolean bool(String field) {
        return switch (values.get(field)) {
            case null -> null;
            case Boolean b -> b;
            case Object o -> Boolean.valueOf(o.toString().strip());
        };
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        Object v = values.get(field);
        return v == null ? List.of() : List.copyOf((List<String>) v);
    }
}
