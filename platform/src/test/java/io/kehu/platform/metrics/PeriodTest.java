package io.kehu.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.metrics.MetricDefinition.Grain;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Calendar periods: grains, previous periods of equal length, trends cut by grain. */
class PeriodTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23); // a Monday

    @Test
    void grainsHoldTheDay() {
        assertThat(Period.of(DAY, Grain.WEEK)).isEqualTo(new Period(DAY, DAY.plusDays(7)));
        assertThat(Period.of(DAY, Grain.MONTH)).isEqualTo(new Period(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1)));
        assertThat(Period.of(DAY, Grain.QUARTER)).isEqualTo(new Period(LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 1, 1)));
    }

    @Test
    void thePreviousPeriodHasTheSameLengthInCalendarTerms() {
        assertThat(Period.of(LocalDate.of(2026, 3, 15), Grain.MONTH).previous())
                .isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
        Period twelve = Period.last(12, Grain.MONTH, DAY);
        assertThat(twelve).isEqualTo(new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 1)));
        assertThat(twelve.previous()).isEqualTo(new Period(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 12, 1)));
        assertThat(new Period(DAY, DAY.plusDays(3)).previous()).isEqualTo(new Period(DAY.minusDays(3), DAY));
    }

    @Test
    void aPeriodSplitsIntoItsGrainClippedAtTheEnds() {
        Period odd = new Period(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 10));
        assertThat(odd.split(Grain.MONTH)).containsExactly(
                new Period(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 1)),
                new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)),
                new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)));
        assertThat(Period.last(12, Grain.MONTH, DAY).split(Grain.MONTH)).hasSize(12);
    }
}
