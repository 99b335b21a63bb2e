package io.kehu.platform.timeline;

import java.time.YearMonth;
import java.util.List;

/**
 * How many related records fell in each of the last months, per form: what the record's activity chart draws.
 *
 * @param months oldest first, the current month last
 * @param series one per related form, counts aligned with {@code months}
 */
public record MonthlyActivity(List<YearMonth> months, List<Series> series) {

    /** One form's counts. */
    public record Series(String formId, String label, List<Long> counts) {

        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }
}
