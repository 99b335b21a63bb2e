package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The result of a dry run: each customer's metrics and proposed level, with counts per level and per movement.
 * Nothing is written until it is {@link TierApplier applied}.
 *
 * <p>The verdicts are kept as columns (one primitive array per metric, in customer id order), the way the evaluator
 * computed them: a {@link Result} is built only for the customer someone looks at — a page of the preview grid, the
 * customer apply is writing — never for every customer at once (a million customers were two million objects).
 */
public final class Preview {

    /** The from-level of {@link #transitions()} for customers without a level of the scheme. */
    public static final String NO_LEVEL = "";

    private final TierScheme scheme;
    private final Period period;
    private final Columns columns;
    private final byte[] movements;
    private final Map<String, Long> perLevel;
    private final Map<Movement, Long> perMovement;
    private final Map<String, Map<String, Long>> transitions;
    private final long changes;

    Preview(TierScheme scheme, Period period, Columns columns) {
        this.scheme = scheme;
        this.period = period;
        this.columns = columns;
        int n = columns.size;
        this.movements = new byte[n];
        Map<String, Long> levels = new LinkedHashMap<>();
        scheme.levels().forEach(l -> levels.put(l.code(), 0L));
        Map<Movement, Long> moves = new EnumMap<>(Movement.class);
        for (Movement m : Movement.values()) {
            moves.put(m, 0L);
        }
        // from-level (the scheme's order, then "none" for customers without a level the scheme knows) to to-level
        Map<String, Map<String, Long>> fromTo = new LinkedHashMap<>();
        scheme.levels().forEach(l -> fromTo.put(l.code(), new LinkedHashMap<>()));
        fromTo.put(NO_LEVEL, new LinkedHashMap<>());
        fromTo.values().forEach(to -> scheme.levels().forEach(l -> to.put(l.code(), 0L)));
        long changing = 0;
        for (int i = 0; i < n; i++) {
            Movement m = Movement.of(scheme, columns.currentLevels[i], columns.newLevels[i]);
            movements[i] = (byte) m.ordinal();
            String from = scheme.rank(columns.currentLevels[i]) < 0 ? NO_LEVEL : columns.currentLevels[i];
            fromTo.get(from).merge(columns.newLevels[i], 1L, Long::sum);
            moves.merge(m, 1L, Long::sum);
            levels.merge(columns.newLevels[i], 1L, Long::sum);
            if (!columns.newLevels[i].equals(columns.currentLevels[i])) {
                changing++;
            }
        }
        this.perLevel = java.util.Collections.unmodifiableMap(levels);
        this.perMovement = java.util.Collections.unmodifiableMap(moves);
        fromTo.replaceAll((from, to) -> java.util.Collections.unmodifiableMap(to));
        this.transitions = java.util.Collections.unmodifiableMap(fromTo);
        this.changes = changing;
    }

    /**
     * One customer's verdict.
     *
     * @param metrics what the customer did
     * @param newLevel the proposed level
     * @param movement up, down, stays or first level
     */
    public record Result(CustomerMetrics metrics, String newLevel, Movement movement) {

        public boolean changes() {
            return !newLevel.equals(metrics.currentLevel());
        }
    }

    /** The evaluator's columns, one entry per customer in id order; {@code fields} may be {@code null}. */
    record Columns(int size, long[] ids, int[] versions, String[] currentLevels, String[] newLevels,
                   BigDecimal[] spend, long[] counts, LocalDate[] last, int[] r, int[] f, int[] m,
                   Map<String, Object>[] fields) {
    }

    public TierScheme scheme() {
        return scheme;
    }

    public Period period() {
        return period;
    }

    /** How many customers were evaluated. */
    public int size() {
        return columns.size;
    }

    /** The verdict of the {@code i}-th customer (in id order), built now. */
    public Result result(int i) {
        Columns c = columns;
        Long recency = CustomerMetrics.recency(c.last[i], period);
        CustomerMetrics metrics = new CustomerMetrics(c.ids[i], c.versions[i], c.currentLevels[i],
                c.spend[i] == null ? BigDecimal.ZERO : c.spend[i], c.counts[i], c.last[i], recency, c.r[i], c.f[i],
                c.m[i], c.fields == null ? null : c.fields[i]);
        return new Result(metrics, c.newLevels[i], movement(i));
    }

    /** Every verdict, as a list view that builds each entry when it is read (nothing is copied). */
    public List<Result> results() {
        return new AbstractList<>() {
            @Override
            public Result get(int index) {
                return result(index);
            }

            @Override
            public int size() {
                return columns.size;
            }
        };
    }

    /** The verdict of customer {@code customerId}, or {@code null} when the dry run did not see that customer. */
    public Result resultFor(long customerId) {
        int i = Arrays.binarySearch(columns.ids, 0, columns.size, customerId);
        return i >= 0 ? result(i) : null;
    }

    /**
     * The ids of the customers on one page of the verdicts with movement {@code movement} and new level
     * {@code level} ({@code null}: any), in id order: found on the columns, without building a verdict.
     */
    public List<Long> pageIds(Movement movement, String level, long offset, int limit) {
        List<Long> ids = new ArrayList<>(Math.max(0, Math.min(limit, columns.size)));
        long skipped = 0;
        for (int i = 0; i < columns.size && ids.size() < limit; i++) {
            if ((movement == null || movements[i] == movement.ordinal())
                    && (level == null || level.equals(columns.newLevels[i]))) {
                if (skipped++ >= offset) {
                    ids.add(columns.ids[i]);
                }
            }
        }
        return ids;
    }

    /** How many verdicts have movement {@code movement} and new level {@code level} ({@code null}: any). */
    public long count(Movement movement, String level) {
        if (movement == null && level == null) {
            return columns.size;
        }
        if (movement == null) {
            return perLevel.getOrDefault(level, 0L);
        }
        if (level == null) {
            return perMovement.getOrDefault(movement, 0L);
        }
        long n = 0;
        for (int i = 0; i < columns.size; i++) {
            if (movements[i] == movement.ordinal() && level.equals(columns.newLevels[i])) {
                n++;
            }
        }
        return n;
    }

    /** Customers per proposed level, in the scheme's order. */
    public Map<String, Long> perLevel() {
        return perLevel;
    }

    /**
     * How many customers go from each current level to each proposed level: the outer keys are the scheme's levels
     * best first, then {@link #NO_LEVEL} (no level yet, or one the scheme does not know); the inner ones the scheme's
     * levels best first. Every pair is present, with 0 when nobody moves that way.
     */
    public Map<String, Map<String, Long>> transitions() {
        return transitions;
    }

    /** Customers per movement. */
    public Map<Movement, Long> perMovement() {
        return perMovement;
    }

    /** The customers whose level changes (what apply writes). */
    public long changes() {
        return changes;
    }

    /** Hands each changing customer's verdict to {@code each}, one at a time, in id order. */
    public void forEachChange(Consumer<Result> each) {
        for (int i = 0; i < columns.size; i++) {
            if (!columns.newLevels[i].equals(columns.currentLevels[i])) {
                each.accept(result(i));
            }
        }
    }

    public List<Result> filter(Predicate<Result> which) {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < columns.size; i++) {
            Result r = result(i);
            if (which.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private Movement movement(int i) {
        return Movement.values()[movements[i]];
    }
}
