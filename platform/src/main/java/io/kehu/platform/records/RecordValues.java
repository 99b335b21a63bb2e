package io.kehu.platform.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field values of one record, keyed by field id, in definition order, with typed Java values: {@code String}
 * (text, textarea, select, email, phone, url), {@code Long} (integer, user, reference), {@code BigDecimal} (decimal,
 * percent), {@link Money}, {@code Integer} (rating), {@code LocalDate}, {@code OffsetDateTime} (in UTC),
 * {@code Boolean}, {@code List<String>} (multiselect, never null: empty when nothing is chosen). Empty fields are
 * present with a {@code null} value; fields the reader may not see are absent.
 */
public final class RecordValues {

    private final Map<String, Object> values;

    RecordValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private RecordValues(CompactValues values) {
        this.values = values; // already unmodifiable
    }

    /** The values of {@code keys} (which this record has) in the compact form a list screen holds its rows in. */
    RecordValues only(java.util.Collection<String> keys) {
        String[] kept = keys.stream().filter(values::containsKey).toArray(String[]::new);
        Object[] keptValues = new Object[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keptValues[i] = values.get(kept[i]);
        }
        return new RecordValues(new CompactValues(kept, keptValues));
    }

    private RecordValues(Map<String, Object> fresh, boolean owned) {
        this.values = Collections.unmodifiableMap(fresh);
    }

    /** Wraps a row of a page the reader has just read and hands over (not kept or changed elsewhere): no copy. */
    static RecordValues owning(CompactValues fresh) {
        return new RecordValues(fresh);
    }

    /** Wraps a map the caller has just built and hands over (not kept or changed elsewhere): no copy. */
    static RecordValues owning(LinkedHashMap<String, Object> fresh) {
        return new RecordValues(fresh, true);
    }

    /** The values as an unmodifiable map (null values allowed). */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether the reader may see field {@code fieldId} (it may still be empty). */
    public boolean has(String fieldId) {
        return values.containsKey(fieldId);
    }

    public Object get(String fieldId) {
        return values.get(fieldId);
    }

    public Optional<String> text(String fieldId) {
        return Optional.ofNullable((String) values.get(fieldId));
    }

    public Optional<Long> number(String fieldId) {
        return Optional.ofNullable((Long) values.get(fieldId));
    }

    public Optional<BigDecimal> decimal(String fieldId) {
        return Optional.ofNullable((BigDecimal) values.get(fieldId));
    }

    public Optional<Money> money(String fieldId) {
        return Optional.ofNullable((Money) values.get(fieldId));
    }

    public Optional<LocalDate> date(String fieldId) {
        return Optional.ofNullable((LocalDate) values.get(fieldId));
    }

    public Optional<OffsetDateTime> dateTime(String fieldId) {
        return Optional.ofNullable((OffsetDateTime) values.get(fieldId));
    }

    public Optional<Boolean> bool(String fieldId) {
        return Optional.ofNullable((Boolean) values.get(fieldId));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String fieldId) {
        Object value = values.get(fieldId);
        return value == null ? List.of() : (List<String>) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
