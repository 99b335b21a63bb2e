package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The analytics' daily totals ({@link Rollups}): after the nightly build every figure (total, by tier, owner,
 * handler, channel, month, a campaign's) equals the live aggregate over the responses, and a response written on a
 * totalled day — created, moved to another day, deleted — is counted at once (its days are read live until totalled
 * again); on H2 ({@link RollupsH2Test}) and PostgreSQL ({@link SurveyPostgresTest}).
 */
abstract class RollupsContract {

    abstract KehuTestHost kehu();

    private PluginContext context() {
        return kehu().context();
    }

    private final ZoneId zone = ZoneId.systemDefault();
    private final String survey = "rollup_" + UUID.randomUUID().toString().substring(0, 8);
    private final String campaign = "活动 " + survey;

    private RecordData response(int daysAgo, String tier, String channel, String handler, BigDecimal quality,
            BigDecimal price, Integer nps, int rated, int topTwo) {
        Map<String, Object> v = new HashMap<>();
        v.put("survey_title", "汇总测试");
        v.put("survey", survey);
        v.put("survey_version", 1);
        v.put("campaign", campaign);
        v.put("answered_at", LocalDate.now(zone).minusDays(daysAgo).atTime(9 + daysAgo % 10, 30).atZone(zone)
                .toOffsetDateTime());
        v.put("channel", channel);
        v.put("handler", handler);
        if (tier != null) {
            v.put("customer_tier", tier);
        }
        v.put("score_quality", quality);
        if (price != null) {
            v.put("score_price", price);
        }
        if (nps != null) {
            v.put("nps", nps);
        }
        v.put("rated", rated);
        v.put("top_two", topTwo);
        return context().records().create(SurveyForms.RESPONSE, v);
    }

    private void responses() {
        String[] tiers = {"KEY", "NORMAL", null};
        String[] channels = {"phone", "link", "public"};
        for (int i = 0; i < 40; i++) {
            response(i % 50 == 0 ? 0 : 1 + (i * 7) % 70, tiers[i % 3], channels[i % 3], i % 2 == 0 ? "staff" : "王芳",
                    new BigDecimal(1 + i % 5), i % 4 == 0 ? null : new BigDecimal("3.67"), i % 6 == 0 ? null : i % 11,
                    i % 4 == 0 ? 1 : 2, i % 3 == 0 ? 2 : i % 2);
        }
    }

    private ResultsBreakdown.Period year() {
        LocalDate today = LocalDate.now(zone);
        return new ResultsBreakdown.Period(today.minusMonths(12).atStartOfDay(zone).toOffsetDateTime(),
                today.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** The figures aggregated straight from the responses, without totals. */
    private ScoreSummary live(ResultsBreakdown.Period period, String field, Object value) {
        RecordAggregate a = context().records().aggregate(SurveyForms.RESPONSE).where("survey", FilterOperator.EQUALS,
                survey).where("answered_at", FilterOperator.GREATER_OR_EQUAL, period.from())
                .where("answered_at", FilterOperator.LESS, period.to());
        if (field != null) {
            a.where(field, value == null ? FilterOperator.IS_EMPTY : FilterOperator.EQUALS,
                    value == null ? new Object[0] : new Object[] {value});
        }
        return ScoreMeasures.summary(ScoreMeasures.onto(a).list().getFirst());
    }

    private void assertAllFiguresAreLive() {
        ResultsBreakdown breakdown = new ResultsBreakdown(context().records());
        ResultsBreakdown.Period year = year();
        assertThat(breakdown.total(survey, year)).isEqualTo(live(year, null, null));
        for (ResultsBreakdown.By by : List.of(ResultsBreakdown.By.TIER, ResultsBreakdown.By.CHANNEL,
                ResultsBreakdown.By.HANDLER, ResultsBreakdown.By.OWNER)) {
            List<ResultsBreakdown.Group> groups = breakdown.groups(survey, year, by);
            assertThat(groups).isNotEmpty();
            groups.forEach(g -> assertThat(g.summary()).as(by + " " + g.key()).isEqualTo(live(year, by.field(),
                    g.key())));
            assertThat(groups.stream().mapToInt(g -> g.summary().responses()).sum())
                    .isEqualTo(live(year, null, null).responses());
        }
        List<ResultsBreakdown.Group> months = breakdown.groups(survey, year, ResultsBreakdown.By.MONTH);
        assertThat(months.stream().mapToInt(g -> g.summary().responses()).sum())
                .isEqualTo(live(year, null, null).responses());
        months.forEach(g -> {
            LocalDate first = java.time.YearMonth.parse(g.key().toString()).atDay(1);
            OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime to = first.plusMonths(1).atStartOfDay(zone).toOffsetDateTime();
            ResultsBreakdown.Period month = new ResultsBreakdown.Period(from.isBefore(year.from()) ? year.from() : from,
                    to.isAfter(year.to()) ? year.to() : to);
            assertThat(g.summary()).as(g.key().toString()).isEqualTo(live(month, null, null));
        });
        assertThat(new SurveyAnalytics(context().records()).summary(Map.of("campaign", campaign)))
                .isEqualTo(live(ResultsBreakdown.ALL_TIME, null, null));
    }

    @Test
    void totalledDaysGiveTheLiveFiguresAndAWriteOnATotalledDayCountsAtOnce() {
        responses();
        assertAllFiguresAreLive();
        Rollups.Built built = Rollups.build(context(), zone, LocalDate.now(zone), () -> false);
        assertThat(built.days()).isPositive();
        Rollups rollups = new Rollups(context().records(), zone);
        // every day since the first response but today is totalled: live are today and the days before any response
        List<ResultsBreakdown.Period> live = rollups.coverage(year()).live();
        assertThat(live.getLast().from()).isEqualTo(LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime());
        assertThat(live).hasSizeLessThanOrEqualTo(2);
        int spans = live.size();
        assertAllFiguresAreLive();
        int before = new ResultsBreakdown(context().records()).total(survey, year()).responses();

        RecordData late = response(8, "KEY", "phone", "staff", new BigDecimal("1"), null, 0, 1, 0);
        assertThat(rollups.coverage(year()).live()).hasSize(spans + 1); // day 8 is read live again
        assertThat(new ResultsBreakdown(context().records()).total(survey, year()).responses()).isEqualTo(before + 1);
        assertAllFiguresAreLive();

        Rollups.build(context(), zone, LocalDate.now(zone), () -> false);
        assertThat(rollups.coverage(year()).live()).hasSize(spans);
        context().records().update(SurveyForms.RESPONSE, late.id(), late.rowVersion(), Map.of("answered_at",
                LocalDate.now(zone).minusDays(20).atTime(12, 0).atZone(zone).toOffsetDateTime()));
        assertThat(rollups.coverage(year()).live()).hasSize(spans + 2); // the day it left and the day it went to
        assertAllFiguresAreLive();

        RecordData moved = context().records().get(SurveyForms.RESPONSE, late.id()).orElseThrow();
        Rollups.build(context(), zone, LocalDate.now(zone), () -> false);
        context().records().delete(SurveyForms.RESPONSE, moved.id(), moved.rowVersion());
        assertThat(new ResultsBreakdown(context().records()).total(survey, year()).responses()).isEqualTo(before);
        assertAllFiguresAreLive();
    }
}
