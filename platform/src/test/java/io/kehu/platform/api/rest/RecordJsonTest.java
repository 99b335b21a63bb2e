package io.kehu.platform.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    @Test
    void instantsAreWrittenExactlyAsTheIsoFormatterWritesThemInUtc() {
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime t = OffsetDateTime.of(1 + random.nextInt(12_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    switch (i % 5) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    }, ZoneOffset.ofHours(random.nextInt(27) - 13));
            String expected = t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(RecordJson.instant(t)).isEqualTo(expected);
            assertThat(RecordJson.instant(t.truncatedTo(ChronoUnit.MICROS))).isEqualTo(t.truncatedTo(ChronoUnit.MICROS)
                    .withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        assertThat(RecordJson.instant(OffsetDateTime.parse("2026-11-23T09:30:00+08:00")))
                .isEqualTo("2026-11-23T01:30:00Z");
        assertThat(RecordJson.instant(OffsetDateTime.parse("2026-11-23T01:30:00.120Z")))
                .isEqualTo("2026-11-23T01:30:00.12Z");
        assertThat(RecordJson.instant(null)).isNull();
    }

    @Test
    void datesAreWrittenExactlyAsLocalDateWritesThem() {
        Random random = new Random(15);
        char[] text = new char[32];
        for (int i = 0; i < 20_000; i++) {
            LocalDate d = LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
            int length = RecordWriter.date(d, text);
            if (d.getYear() >= 1000 && d.getYear() <= 9999) {
                assertThat(new String(text, 0, length)).isEqualTo(d.toString());
            } else {
                assertThat(length).isEqualTo(-1);
            }
        }
    }
}
