package io.kehu.platform.timeline;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.RecordAggregation;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts the records pointing at a record per month over the last twelve months (a customer's interactions and
 * purchases, and any other form with a reference and a date). The database groups by the date field
 * ({@link BulkRecords#aggregate}, with the viewer's permissions); the days are folded into months here.
 */
@Component
class ActivityCounts {

    static final int MONTHS = 12;

    private final FormCatalog catalog;
    private final BulkRecords bulk;

    ActivityCounts(FormCatalog catalog, BulkRecords bulk) {
        this.catalog = catalog;
        this.bulk = bulk;
    }

    MonthlyActivity lastYear(Actor actor, FormDefinition subjectForm, long recordId, Locale locale, ZoneId zone,
                             LocalDate today) {
        YearMonth last = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        LocalDate from = months.getFirst().atDay(1);
        List<MonthlyActivity.Series> series = new ArrayList<>();
        for (FormDefinition other : catalog.allPublished()) {
            if (!actor.isSystem() && !other.access().mayRead(actor.roles())) {
                continue;
            }
            FieldDefinition reference = other.fields().stream()
                    .filter(f -> f.type() == FieldType.REFERENCE && subjectForm.id().equals(f.form())
                            && (actor.isSystem() || f.access().mayRead(actor.roles())))
                    .findFirst().orElse(null);
            FieldDefinition date = RecordDates.dateField(other)
                    .filter(f -> actor.isSystem() || f.access().mayRead(actor.roles())).orElse(null);
            if (reference == null || date == null) {
                continue;
            }
            Object lowerBound = date.type() == FieldType.DATE ? from : from.atStartOfDay(zone).toOffsetDateTime();
            Map<YearMonth, Long> perMonth = new HashMap<>();
            bulk.aggregate(actor, RecordAggregation.of(other.id())
                    .where(Filter.of(reference.id(), Operator.EQUALS, recordId))
                    .where(Filter.of(date.id(), Operator.GREATER_OR_EQUAL, lowerBound))
                    .groupBy(date.id())
                    .measure(RecordAggregation.Function.COUNT, null), row -> {
                        Instant at = RecordDates.instant(row.groups().get(date.id()), zone);
                        Object count = row.measures().values().iterator().next();
                        if (at != null && count instanceof Number n) {
                            perMonth.merge(YearMonth.from(at.atZone(zone)), n.longValue(), Long::sum);
                        }
                    });
            series.add(new MonthlyActivity.Series(other.id(), other.label().in(locale),
                    months.stream().map(m -> perMonth.getOrDefault(m, 0L)).toList()));
        }
        return new MonthlyActivity(months, series);
    }
}
