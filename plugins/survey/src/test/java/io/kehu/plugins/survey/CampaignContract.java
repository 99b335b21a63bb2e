package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.SavedViewInfo;
import io.kehu.sdk.testkit.KehuTestHost;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Campaigns, reminders, the public link and the results breakdown against a real store, run on H2
 * ({@link CampaignH2Test}) and PostgreSQL ({@link SurveyPostgresTest}).
 */
abstract class CampaignContract {

    static final Map<String, Object> GOOD = Map.of("quality", 5, "service", 5, "speed", 4, "price", 4, "overall", 5,
            "recommend", 10);
    static final Map<String, Object> POOR = Map.of("quality", 2, "service", 3, "speed", 2, "price", 3, "overall", 2,
            "recommend", 3);

    abstract KehuTestHost kehu();

    PluginContext context() {
        return kehu().context();
    }

    void standard() {
        new SurveyCatalog(context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
    }

    long customer(String name, String tier, String manager) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "c" + System.nanoTime() + "@example.com");
        values.put("level", tier);
        if (manager != null) {
            values.put("account_manager", context().users().byUsername(manager).orElseThrow().id());
        }
        return context().records().create("customer", values).id();
    }

    long customersOfTier(String tier) {
        return context().records().aggregate("customer").where("level", FilterOperator.EQUALS, tier).count().list()
                .getFirst().count();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCampaignToATierGivesEachCustomerOneLinkAndCountsItsProgress() {
        standard();
        long a = customer("活动客户甲", "KEY", "manager");
        customer("活动客户乙", "KEY", null);
        customer("其他等级客户", "POTENTIAL", null);
        long keyCustomers = customersOfTier("KEY");
        String name = unique("2026 大客户满意度");
        Campaigns campaigns = new Campaigns(context());
        Campaigns.Started started = campaigns.start(name, StandardSurvey.KEY, Campaigns.Segment.ofTier("KEY"),
                Duration.ofDays(14), false);

        assertThat(started.links()).hasSize((int) keyCustomers).extracting(Campaigns.Link::customer).contains(a)
                .doesNotHaveDuplicates();
        assertThat(started.links()).extracting(Campaigns.Link::token).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
        assertThat(started.publicToken()).isNull();
        assertThat(started.campaign().get("segment")).isEqualTo("客户等级：大客户");
        assertThat(started.links()).extracting(Campaigns.Link::customerName).contains("活动客户甲")
                .doesNotContain("其他等级客户");
        List<RecordData> invitations = context().records().search(SurveyForms.INVITATION)
                .where("campaign", FilterOperator.EQUALS, name).limit(1000).list();
        assertThat(invitations).hasSize((int) keyCustomers).allSatisfy(i -> {
            assertThat(i.get("token_hash")).asString().hasSize(64);
            assertThat(i.values().values()).noneMatch(v -> started.links().stream()
                    .anyMatch(l -> String.valueOf(v).contains(l.token())));
        });
        assertThat(campaigns.progress(name)).isEqualTo(new Campaigns.Progress(keyCustomers, 0, 0, 0));

        String tokenOfA = started.links().stream().filter(l -> l.customer() == a).findFirst().orElseThrow().token();
        Invitations links = new Invitations(context());
        links.visit(tokenOfA);
        links.visit(tokenOfA);
        assertThat(campaigns.progress(name).opened()).isEqualTo(1);
        assertThat(links.answer(tokenOfA, GOOD).stored()).isTrue();
        Campaigns.Progress p = campaigns.progress(name);
        assertThat(p.answered()).isEqualTo(1);
        assertThat(p.rate()).isEqualByComparingTo(BigDecimal.valueOf(1000 / keyCustomers, 1));
        RecordData response = context().records().search(SurveyForms.RESPONSE)
                .where("campaign", FilterOperator.EQUALS, name).list().getFirst();
        assertThat(response.get("customer_tier")).isEqualTo("KEY");
        assertThat(((Number) response.get("customer_owner")).longValue())
                .isEqualTo(context().users().byUsername("manager").orElseThrow().id());
        assertThat(((Number) response.get("nps_point")).intValue()).isEqualTo(100);
    }

    @Test
    void aCampaignToASavedViewReachesExactlyTheCustomersItListsForItsOwner() {
        standard();
        String tag = unique("视图客户");
        long a = customer(tag, "NORMAL", null);
        long b = customer(tag, "POTENTIAL", null);
        customer(unique("视图外客户"), "NORMAL", null);
        String viewName = unique("回访名单");
        long view = kehu().saveListView("manager", "customer", viewName, Map.of("name", tag));
        assertThat(kehu().callAsUser("manager", () -> context().recordsOfCurrentUser().savedViews("customer")))
                .extracting(SavedViewInfo::name).contains(viewName);

        String name = unique("视图活动");
        Campaigns.Started started = kehu().callAsUser("manager", () -> new Campaigns(context()).start(name,
                StandardSurvey.KEY, Campaigns.Segment.ofView(view, viewName), Duration.ofDays(7), false));
        assertThat(started.links()).extracting(Campaigns.Link::customer).containsExactlyInAnyOrder(a, b);
        assertThat(started.campaign().get("segment")).isEqualTo("保存的视图：" + viewName);
        assertThat(new Campaigns(context()).progress(name)).isEqualTo(new Campaigns.Progress(2, 0, 0, 0));

        // someone else's private view is not theirs to use: refused by name, nothing started
        String other = unique("别人的视图活动");
        assertThatThrownBy(() -> kehu().callAsUser("staff", () -> new Campaigns(context()).start(other,
                StandardSurvey.KEY, Campaigns.Segment.ofView(view, viewName), Duration.ofDays(7), false)))
                .isInstanceOfSatisfying(Campaigns.Refusal.class, r -> assertThat(r.text().zh())
                        .isEqualTo("找不到保存的视图“" + viewName + "”（可能已被删除或不再共享给您）。"));
        assertThat(new Campaigns(context()).find(other)).isEmpty();
    }

    @Test
    void aNameIsUsedOnceAndAnEmptyAudienceStartsNothing() {
        standard();
        customer("重名活动客户", "NORMAL", null);
        String name = unique("重名活动");
        Campaigns campaigns = new Campaigns(context());
        campaigns.start(name, StandardSurvey.KEY, Campaigns.Segment.ofTier("NORMAL"), Duration.ofDays(7), false);
        assertThatThrownBy(() -> campaigns.start(name, StandardSurvey.KEY, Campaigns.Segment.everyone(),
                Duration.ofDays(7), false)).isInstanceOf(Campaigns.Refusal.class)
                .satisfies(e -> assertThat(((Campaigns.Refusal) e).text().zh()).contains("已有名为"));
        assertThatThrownBy(() -> campaigns.start(unique("无此等级"), StandardSurvey.KEY,
                Campaigns.Segment.ofTier("NO_SUCH_TIER"), Duration.ofDays(7), false))
                .isInstanceOf(Campaigns.Refusal.class)
                .satisfies(e -> assertThat(((Campaigns.Refusal) e).text().zh()).isEqualTo("没有“NO_SUCH_TIER”这个客户等级。"));
        assertThatThrownBy(() -> campaigns.start(unique("空活动"), StandardSurvey.KEY, Campaigns.Segment.nobody(),
                Duration.ofDays(7), false)).isInstanceOf(Campaigns.Refusal.class)
                .satisfies(e -> assertThat(((Campaigns.Refusal) e).text().zh()).startsWith("不发专属链接时"));
        assertThat(campaigns.find(name)).isPresent();
        assertThat(context().records().search(SurveyForms.CAMPAIGN).text("空活动").list()).isEmpty();
    }

    @Test
    void remindersGoToTheAccountManagerOnlyAboutOpenLinksAtMostThreeTimes() {
        standard();
        String tier = "POTENTIAL";
        long answered = customer("已作答客户", tier, "manager");
        customer("未作答客户", tier, "manager");
        String name = unique("提醒活动");
        Campaigns.Started started = new Campaigns(context()).start(name, StandardSurvey.KEY,
                Campaigns.Segment.ofTier(tier), Duration.ofDays(7), false);
        String token = started.links().stream().filter(l -> l.customer() == answered).findFirst().orElseThrow()
                .token();
        new Invitations(context()).answer(token, GOOD);
        long open = started.links().size() - 1;

        // the daily job leaves a campaign younger than three days alone
        assertThat(kehu().runJob(ReminderJob.ID).note()).startsWith("reminded about");
        assertThat(context().records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS, name)
                .limit(1000).list()).allSatisfy(i -> assertThat(((Number) i.get("reminders")).intValue()).isZero());
        Reminders reminders = new Reminders(context());
        Reminders.Sent first = reminders.remind(name);
        assertThat(first.customers()).isEqualTo((int) open);
        assertThat(first.notices()).isBetween(1, 2); // the manager, and the starter for customers without one
        reminders.remind(name);
        reminders.remind(name);
        assertThat(reminders.remind(name).customers()).isZero();
        assertThat(context().records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS, name)
                .where("used_at", FilterOperator.IS_EMPTY).limit(1000).list())
                .hasSize((int) open).allSatisfy(i -> assertThat(((Number) i.get("reminders")).intValue()).isEqualTo(3));
        assertThat(context().records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS, name)
                .where("used_at", FilterOperator.IS_NOT_EMPTY).list())
                .singleElement().satisfies(i -> assertThat(((Number) i.get("reminders")).intValue()).isZero());
    }

    @Test
    void aPublicLinkTakesManyAnonymousAnswersOnePerVisitWithinTheHourlyCap() {
        standard();
        String name = unique("展会现场");
        Campaigns.Started started = new Campaigns(context()).start(name, StandardSurvey.KEY,
                Campaigns.Segment.nobody(), Duration.ofDays(2), true);
        assertThat(started.links()).isEmpty();
        String token = started.publicToken();
        assertThat(started.campaign().get("public_token_hash")).isEqualTo(Invitations.hash(token));
        PublicLinks links = new PublicLinks(context());
        assertThat(links.open(token).state()).isEqualTo(Invitations.State.OPEN);
        assertThat(links.open(token.substring(1) + "A").state()).isEqualTo(Invitations.State.UNKNOWN);

        SurveyService.Result first = links.answer(token, "visit-1", GOOD);
        SurveyService.Result tap = links.answer(token, "visit-1", GOOD);
        SurveyService.Result other = links.answer(token, "visit-2", POOR);
        assertThat(first.stored()).isTrue();
        assertThat(tap.repeated()).isTrue();
        assertThat(tap.response().id()).isEqualTo(first.response().id());
        assertThat(other.stored()).isTrue();
        assertThat(other.response().get("customer")).isNull();
        assertThat(other.response().get("channel")).isEqualTo("public");
        assertThat(new Campaigns(context()).progress(name).publicAnswers()).isEqualTo(2);

        String cap = context().settings().get(SurveySettings.PUBLIC_PER_HOUR, "200");
        context().settings().put(SurveySettings.PUBLIC_PER_HOUR, "2");
        try {
            SurveyService.Result refused = links.answer(token, "visit-3", GOOD);
            assertThat(refused.stored()).isFalse();
            assertThat(refused.problems().getFirst().zh()).isEqualTo("现在提交的人很多，请过几分钟再试。");
            assertThat(links.answer(token, "visit-1", GOOD).repeated()).isTrue(); // a retry still gets its answer
        } finally {
            context().settings().put(SurveySettings.PUBLIC_PER_HOUR, cap);
        }
    }

    @Test
    void theBreakdownCountsEachTierWithItsNAgainstThePreviousPeriod() {
        standard();
        String survey = "breakdown_" + UUID.randomUUID().toString().substring(0, 6);
        new SurveyCatalog(context()).save(survey, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        SurveyService service = new SurveyService(context());
        long key = customer("分组大客户", "KEY", "manager");
        long normal = customer("分组一般客户", "NORMAL", null);
        long unplaced = customer("未填区域的客户", "NORMAL", null);
        context().records().update("customer", key, context().records().get("customer", key).orElseThrow()
                .rowVersion(), Map.of("region", "east_china"));
        context().records().update("customer", normal, context().records().get("customer", normal).orElseThrow()
                .rowVersion(), Map.of("region", "south_china"));
        service.submit(new Submission(survey, unplaced, null, null, null, "phone", null, GOOD, null),
                context().records());
        service.submit(new Submission(survey, key, null, null, null, "phone", null, GOOD, null), context().records());
        service.submit(new Submission(survey, key, null, null, null, "phone", null, POOR, null), context().records());
        service.submit(new Submission(survey, normal, null, null, null, "phone", null, GOOD, null),
                context().records());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ResultsBreakdown.Period period = new ResultsBreakdown.Period(now.minusDays(1), now.plusMinutes(1));
        ResultsBreakdown breakdown = new ResultsBreakdown(context().records());

        // by the customer's region when answering; a customer without one counts under "not recorded" (null)
        List<ResultsBreakdown.Group> regions = breakdown.groups(survey, period, ResultsBreakdown.By.REGION);
        assertThat(regions).extracting(ResultsBreakdown.Group::key).containsExactly("east_china", "south_china", null);
        assertThat(regions).extracting(g -> g.summary().responses()).containsExactly(2, 1, 1);
        assertThat(regions.getFirst().summary().nps()).isEqualByComparingTo("0");
        assertThat(breakdown.search(survey, period, ResultsBreakdown.By.REGION, "east_china").list()).hasSize(2);
        assertThat(AnalyticsResults.label(context(), ResultsBreakdown.By.REGION, "east_china",
                java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("华东");
        assertThat(AnalyticsResults.label(context(), ResultsBreakdown.By.REGION, null,
                java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("未记录");
        // the customer without a region is not of the tier figures below
        RecordData extra = context().records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS,
                unplaced).list().getFirst();
        context().records().delete(SurveyForms.RESPONSE, extra.id(), extra.rowVersion());

        ScoreSummary total = breakdown.total(survey, period);
        assertThat(total.responses()).isEqualTo(3);
        assertThat(total.nps()).isEqualByComparingTo("33.3"); // 2 promoters, 1 detractor of 3
        assertThat(breakdown.total(survey, period.previous()).responses()).isZero();
        List<ResultsBreakdown.Group> tiers = breakdown.groups(survey, period, ResultsBreakdown.By.TIER);
        assertThat(tiers).extracting(ResultsBreakdown.Group::key).containsExactly("KEY", "NORMAL");
        assertThat(tiers.getFirst().summary().responses()).isEqualTo(2);
        assertThat(tiers.getFirst().summary().nps()).isEqualByComparingTo("0");
        assertThat(tiers.getFirst().summary().csat()).isEqualByComparingTo("50"); // 5 of 10 ratings are 4–5
        assertThat(breakdown.search(survey, period, ResultsBreakdown.By.TIER, "KEY").list()).hasSize(2);
        assertThat(breakdown.groups(survey, period, ResultsBreakdown.By.MONTH)).singleElement()
                .satisfies(g -> assertThat(g.summary().responses()).isEqualTo(3));
        assertThat(breakdown.search(survey, period, ResultsBreakdown.By.MONTH,
                breakdown.groups(survey, period, ResultsBreakdown.By.MONTH).getFirst().key()).list()).hasSize(3);
    }
}
