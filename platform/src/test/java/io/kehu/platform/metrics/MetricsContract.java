package io.kehu.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.records.ListedCount;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.views.ListLinks;
import io.kehu.platform.workflow.Automation;
import io.kehu.platform.workflow.Automations;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Metric figures against hand-written SQL over the same rows, on every supported database: with the viewer's
 * permissions (a STAFF user's numbers are their own), refusing fields the viewer may not read, and drill-through
 * filters that list exactly as many records as the figure counts.
 */
abstract class MetricsContract {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Metrics metrics;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    DSLContext dsl;
    @Autowired
    KpiBreaches kpiBreaches;
    @Autowired
    Workflows workflows;
    @Autowired
    Automations automations;
    @Autowired
    WorkflowCatalog workflowCatalog;
    @Autowired
    ClosedPeriodSnapshots closedPeriodSnapshots;

    WorkspaceFixture fixture;
    Actor rep;
    Actor colleague;
    Actor manager;
    /** A month of its own per test, so the figures of a period are this test's records only. */
    Period month;

    @BeforeEach
    void data() {
        fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        rep = fixture.user("赵敏", Role.STAFF);
        colleague = fixture.user("钱多", Role.STAFF);
        manager = fixture.user("孙经理", Role.MANAGER);
        month = Period.of(LocalDate.of(2001, 1, 1).plusMonths(Math.floorMod(rep.userId(), 1200)), Grain.MONTH);
    }

    private OffsetDateTime at(Period p, int day, int hour) {
        return p.start().plusDays(day).atTime(hour, 0).atZone(SHANGHAI).toOffsetDateTime();
    }

    private MetricRequest request(String metric, List<Period> periods, boolean grouped) {
        return new MetricRequest(metrics.definition(metric).orElseThrow(), periods, grouped);
    }

    private void complaints() {
        long mine = fixture.customer(rep, "杭州" + WorkspaceFixture.token() + "贸易").id();
        long theirs = fixture.customer(colleague, "苏州" + WorkspaceFixture.token() + "电子").id();
        fixture.complaint(rep, mine, at(month, 0, 9), "交货延迟", "resolved");
        fixture.complaint(rep, mine, at(month, 3, 23), "包装破损", "closed");
        fixture.complaint(rep, mine, at(month, 27, 10), "发票错误", "new");
        fixture.complaint(colleague, theirs, at(month, 5, 8), "同事的投诉", "resolved");
        fixture.complaint(colleague, theirs, at(month.previous(), 2, 8), "上月的投诉", "new");
        // midnight in Shanghai on the first of next month: outside the month in Shanghai
        fixture.complaint(rep, mine, month.end().atStartOfDay(SHANGHAI).toOffsetDateTime(), "下月", "new");
    }

    /** Complaints of the month by handler, by hand: handler → {count, resolved, seconds to first response, n}. */
    private Map<Long, long[]> complaintsBySql(Long onlyHandler) {
        Map<Long, long[]> byHandler = new HashMap<>();
        var rows = dsl.resultQuery("select handler, status, received_at, first_response_at from frm_feedback "
                        + "where deleted_at is null and feedback_type = 'complaint' and received_at >= cast(? as timestamp with time zone) "
                        + "and received_at < cast(? as timestamp with time zone)" + (onlyHandler == null ? "" : " and handler = " + onlyHandler),
                month.start().atStartOfDay(SHANGHAI).toOffsetDateTime(),
                month.end().atStartOfDay(SHANGHAI).toOffsetDateTime()).fetch();
        for (var row : rows) {
            long[] v = byHandler.computeIfAbsent(((Number) row.get(0)).longValue(), h -> new long[4]);
            v[0]++;
            if (List.of("resolved", "closed").contains(row.get(1, String.class))) {
                v[1]++;
            }
            if (row.get(3) != null) {
                v[2] += row.get(3, OffsetDateTime.class).toEpochSecond() - row.get(2, OffsetDateTime.class)
                        .toEpochSecond();
                v[3]++;
            }
        }
        return byHandler;
    }

    @Test
    void complaintFiguresPerHandlerMatchHandWrittenSql() {
        complaints();
        List<MetricResult> results = metrics.compute(manager, List.of(request("complaint_count", List.of(month), true),
                request("complaint_resolution_rate", List.of(month), true),
                request("first_response_hours", List.of(month), true)), SHANGHAI);
        Map<Long, long[]> expected = complaintsBySql(null);
        assertThat(expected).containsKeys(rep.userId(), colleague.userId());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            List<Object> group = List.of(e.getKey());
            long[] v = e.getValue();
            assertThat(results.get(0).value(0, group).value()).isEqualByComparingTo(BigDecimal.valueOf(v[0]));
            MetricValue rate = results.get(1).value(0, group);
            assertThat(rate.n()).isEqualTo(v[0]);
            // minimumN 5: a handler with fewer complaints gets no percentage, but still the n
            assertThat(rate.belowMinimumN()).isEqualTo(v[0] < 5);
            MetricValue hours = results.get(2).value(0, group);
            assertThat(hours.n()).isEqualTo(v[3]);
            if (v[3] > 0) {
                assertThat(hours.value()).isEqualByComparingTo(BigDecimal.valueOf(v[2])
                        .divide(BigDecimal.valueOf(v[3] * 3600), 6, RoundingMode.HALF_UP));
            }
        }
        assertThat(results.get(0).value(0, List.of(rep.userId())).value()).isEqualByComparingTo("3");
    }

    @Test
    void aStaffUsersFiguresAreOverTheirOwnRecordsAndDrillThroughListsTheSameCount() {
        complaints();
        Map<Long, long[]> own = complaintsBySql(rep.userId());
        MetricRequest card = request("complaint_resolution_rate", List.of(month, month.previous()), false);
        MetricResult result = metrics.compute(rep, card, SHANGHAI);
        MetricValue value = result.value(0);
        assertThat(value.n()).isEqualTo(own.get(rep.userId())[0]).isEqualTo(3);
        assertThat(value.value()).isNull(); // 3 < minimumN 5
        assertThat(listed(rep, "feedback", value.nDrill())).isEqualTo(3);
        assertThat(listed(rep, "feedback", value.drill())).isEqualTo(2);
        assertThat(result.value(1).n()).isZero(); // the colleague's complaint last month is not the rep's
        // the manager sees both handlers, and the lists agree with the figures for every cell
        MetricResult all = metrics.compute(manager, request("complaint_count", List.of(month), true), SHANGHAI);
        for (List<Object> group : all.groups()) {
            MetricValue v = all.value(0, group);
            assertThat(listed(manager, "feedback", v.drill())).isEqualTo(v.value().longValueExact());
        }
    }

    /** How many records the list view shows for a drill-through link, read back from the link's parameter. */
    private long listed(Actor actor, String form, List<RecordQuery.Filter> drill) {
        RecordQuery query = RecordQuery.of(form);
        for (RecordQuery.Filter f : ListLinks.decode(ListLinks.encode(drill))) {
            query = query.where(f);
        }
        ListedCount count = records.count(actor, query);
        assertThat(count.kind()).isEqualTo(ListedCount.Kind.EXACT);
        return count.value();
    }

    @Test
    void aRevenueTrendSumsEachMonthLikeSqlAndBatchesWithTheCount() {
        long customer = fixture.customer(rep, "宁波" + WorkspaceFixture.token() + "机械").id();
        Period quarter = new Period(month.start(), month.start().plusMonths(3));
        fixture.purchase(rep, customer, month.start(), "传感器", "1200.50");
        fixture.purchase(rep, customer, month.lastDay(), "阀门", "99.50");
        fixture.purchase(rep, customer, month.end().plusDays(3), "电机", "500.00");
        List<Period> months = quarter.split(Grain.MONTH);
        List<MetricResult> trend = metrics.compute(rep, List.of(request("purchase_revenue", months, false),
                request("purchase_count", months, false)), SHANGHAI);
        for (int i = 0; i < months.size(); i++) {
            Period p = months.get(i);
            var row = dsl.resultQuery("select coalesce(sum(p.amount), 0), count(*) from frm_purchase p "
                    + "join frm_customer c on c.id = p.customer where p.deleted_at is null and c.account_manager = ? "
                    + "and p.purchased_on between ? and ?", rep.userId(), p.start(), p.lastDay()).fetchOne();
            BigDecimal sum = new BigDecimal(row.get(0).toString());
            long count = ((Number) row.get(1)).longValue();
            assertThat(trend.get(1).value(i).value()).isEqualByComparingTo(BigDecimal.valueOf(count));
            if (count > 0) {
                assertThat(trend.get(0).value(i).value()).isEqualByComparingTo(sum);
            }
            assertThat(listed(rep, "purchase", trend.get(1).value(i).drill())).isEqualTo(count);
        }
        assertThat(trend.get(0).value(0).value()).isEqualByComparingTo("1300.00");
        assertThat(trend.get(0).value(2).value()).isNull();
    }

    @Test
    void aFieldTheViewerMayNotReadCannotBeMeasured() {
        String id = "mtr_secret_" + WorkspaceFixture.token().toLowerCase();
        publisher.publish(new DefinitionReader().read(id + ".json", """
                {"id": "%s", "label": {"zh": "保密", "en": "Secret"}, "titleField": "name", "ownerField": "owner",
                 "fields": [{"id": "name", "type": "text"}, {"id": "owner", "type": "user"},
                            {"id": "score", "type": "integer"}],
                 "permissions": {"read": ["staff", "manager", "admin"], "write": ["staff", "manager", "admin"],
                                 "fields": {"score": {"read": ["manager", "admin"]}}}}
                """.formatted(id)), "test", "metrics test");
        records.create(manager, id, Map.of("name", "甲", "owner", rep.userId(), "score", 7));
        MetricDefinition average = metrics.read("secret.json", """
                {"id": "secret_score", "label": {"zh": "平均分", "en": "Average score"}, "form": "%s",
                 "measure": {"function": "avg", "field": "score"}}
                """.formatted(id));
        assertThat(metrics.compute(manager, new MetricRequest(average, List.of(), false), SHANGHAI).value(0).value())
                .isEqualByComparingTo("7");
        assertThatThrownBy(() -> metrics.compute(rep, new MetricRequest(average, List.of(), false), SHANGHAI))
                .isInstanceOf(RecordAccessDeniedException.class).hasMessageContaining("score");
    }

    @Test
    void aClosedPeriodsFigureStaysAsFirstReported() {
        complaints();
        MetricDefinition count = metrics.definition("complaint_count").orElseThrow();
        LocalDate closedOn = month.end();
        MetricSnapshot first = metrics.snapshot(manager, count, month, SHANGHAI, closedOn).orElseThrow();
        assertThat(first.value()).isEqualByComparingTo(liveComplaints(count));
        assertThat(first.version()).isEqualTo(1);
        // a complaint entered late changes the live figure, not the one reported
        long customer = fixture.customer(rep, "温州" + WorkspaceFixture.token() + "鞋业").id();
        fixture.complaint(rep, customer, at(month, 10, 10), "补录的投诉", "new");
        assertThat(liveComplaints(count)).isEqualByComparingTo(first.value().add(BigDecimal.ONE));
        assertThat(metrics.snapshot(manager, count, month, SHANGHAI, closedOn).orElseThrow().value())
                .isEqualByComparingTo(first.value());
        // not for a STAFF user's own figures, nor for a period still open
        assertThat(metrics.snapshot(rep, count, month, SHANGHAI, closedOn)).isEmpty();
        assertThat(metrics.snapshot(manager, count, month, SHANGHAI, month.lastDay())).isEmpty();
    }

    @Test
    void aTrendReadsItsClosedPeriodsAsReportedAndItsOpenOneLive() {
        complaints();
        Period next = Period.of(month.end(), Grain.MONTH);
        LocalDate today = month.end(); // the test's month is closed, the next one open
        MetricRequest trend = request("complaint_count", List.of(month, next), false);
        MetricResult first = metrics.computeReported(manager, List.of(trend), SHANGHAI, today).get(0);
        MetricResult live = metrics.compute(manager, trend, SHANGHAI);
        assertThat(first.value(0).value()).isEqualByComparingTo(live.value(0).value());
        assertThat(first.value(0).n()).isEqualTo(live.value(0).n());
        assertThat(first.value(0).drill()).isEqualTo(live.value(0).drill());
        assertThat(first.value(1).value()).isEqualByComparingTo(live.value(1).value());

        // a complaint entered late for the closed month, and one in the open month
        long customer = fixture.customer(rep, "宁波" + WorkspaceFixture.token() + "机电").id();
        fixture.complaint(rep, customer, at(month, 10, 10), "补录的投诉", "new");
        fixture.complaint(rep, customer, at(next, 1, 10), "本月的投诉", "new");
        MetricResult again = metrics.computeReported(manager, List.of(trend), SHANGHAI, today).get(0);
        MetricResult liveAgain = metrics.compute(manager, trend, SHANGHAI);
        assertThat(again.value(0).value()).as("the closed month as reported")
                .isEqualByComparingTo(first.value(0).value());
        assertThat(liveAgain.value(0).value()).isEqualByComparingTo(first.value(0).value().add(BigDecimal.ONE));
        assertThat(again.value(1).value()).as("the open month live")
                .isEqualByComparingTo(first.value(1).value().add(BigDecimal.ONE))
                .isEqualByComparingTo(liveAgain.value(1).value());

        assertThat(again.reportedVersion()).isEqualTo(1);
        // a STAFF user's own figures are computed live
        assertThat(metrics.computeReported(rep, List.of(trend), SHANGHAI, today).get(0).value(0).value())
                .isEqualByComparingTo(metrics.compute(rep, trend, SHANGHAI).value(0).value());
        assertThat(metrics.computeReported(rep, List.of(trend), SHANGHAI, today).get(0).reportedVersion()).isNull();
    }

    @Test
    void aGroupedTrendReadsEachGroupOfAClosedPeriodAsReportedLikeHandWrittenSql() {
        complaints();
        Period next = Period.of(month.end(), Grain.MONTH);
        LocalDate today = month.end();
        MetricRequest perHandler = request("complaint_count", List.of(month, next), true);
        MetricResult first = metrics.computeReported(manager, List.of(perHandler), SHANGHAI, today).get(0);
        Map<Long, long[]> bySql = complaintsBySql(null);
        assertThat(bySql).containsKeys(rep.userId(), colleague.userId());
        for (Map.Entry<Long, long[]> handler : bySql.entrySet()) {
            MetricValue v = first.value(0, List.of(handler.getKey()));
            assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(handler.getValue()[0]));
            assertThat(listed(manager, "feedback", v.drill())).isEqualTo(handler.getValue()[0]);
        }
        assertThat(first.reportedVersion()).isEqualTo(1);

        // a complaint entered late for the closed month and one in the open month; a new handler in the closed month
        long customer = fixture.customer(rep, "宁波" + WorkspaceFixture.token() + "机电").id();
        fixture.complaint(rep, customer, at(month, 10, 10), "补录的投诉", "new");
        fixture.complaint(rep, customer, at(next, 1, 10), "本月的投诉", "new");
        Actor late = fixture.user("李后到", Role.STAFF);
        long lateCustomer = fixture.customer(late, "丽水" + WorkspaceFixture.token() + "竹木").id();
        fixture.complaint(late, lateCustomer, at(month, 12, 10), "新同事补录", "new");
        MetricResult again = metrics.computeReported(manager, List.of(perHandler), SHANGHAI, today).get(0);
        MetricResult live = metrics.compute(manager, perHandler, SHANGHAI);
        List<Object> repsGroup = List.of(rep.userId());
        assertThat(again.value(0, repsGroup).value()).as("the closed month's group as reported")
                .isEqualByComparingTo(first.value(0, repsGroup).value());
        assertThat(live.value(0, repsGroup).value()).isEqualByComparingTo(first.value(0, repsGroup).value()
                .add(BigDecimal.ONE));
        assertThat(again.hasValue(0, List.of(late.userId()))).as("a group that came later is not in the report")
                .isFalse();
        assertThat(again.value(0, List.of(late.userId())).value()).isEqualByComparingTo("0");
        assertThat(again.value(1, repsGroup).value()).as("the open month live")
                .isEqualByComparingTo(live.value(1, repsGroup).value());
        // the stored groups are the ones shown: the scheduled job's way gives the same
        assertThat(metrics.snapshotGroups(perHandler.metric(), month, SHANGHAI, today))
                .hasSize(bySql.size())
                .allSatisfy(g -> assertThat(g.snapshot().value()).isEqualByComparingTo(first.value(0, g.groups())
                        .value()));
        // narrowed by a global filter, or for a STAFF user: live
        MetricRequest narrowed = new MetricRequest(perHandler.metric(), perHandler.periods(), true,
                new MetricScope(rep.userId(), null, null));
        assertThat(metrics.computeReported(manager, List.of(narrowed), SHANGHAI, today).get(0).value(0, repsGroup)
                .value()).isEqualByComparingTo(live.value(0, repsGroup).value());
        assertThat(metrics.computeReported(rep, List.of(perHandler), SHANGHAI, today).get(0).value(0, repsGroup)
                .value()).isEqualByComparingTo(live.value(0, repsGroup).value());
    }

    private BigDecimal liveComplaints(MetricDefinition count) {
        return metrics.compute(manager, new MetricRequest(count, List.of(month), false), SHANGHAI).value(0).value();
    }

    @Test
    void globalFiltersNarrowTheFormsThatHaveTheFieldAndDrillThroughListsTheSameCount() {
        complaints();
        for (String[] v : new String[][] {{"east_china", "KEY"}, {"east_china", "KEY"}, {"east_china", "NORMAL"},
                {"south_china", "KEY"}}) {
            io.kehu.platform.records.Record c = fixture.customer(rep, "嘉兴" + WorkspaceFixture.token() + "纺织");
            // the level is set by the tiering plugin, not by hand: the platform itself sets it here
            records.update(Actor.system("metrics-test"), "customer", c.id(), c.rowVersion(),
                    Map.of("region", v[0], "level", v[1]));
        }
        MetricScope scope = new MetricScope(rep.userId(), "KEY", "east_china");
        List<MetricResult> results = metrics.compute(manager, List.of(
                new MetricRequest(metrics.definition("customers_by_level").orElseThrow(), List.of(), true, scope),
                new MetricRequest(metrics.definition("complaint_count").orElseThrow(), List.of(month), false, scope),
                new MetricRequest(metrics.definition("complaint_count").orElseThrow(), List.of(month), false)),
                SHANGHAI);
        long bySql = ((Number) dsl.resultQuery("select count(*) from frm_customer where deleted_at is null "
                + "and account_manager = ? and level = 'KEY' and region = 'east_china'", rep.userId()).fetchOne()
                .get(0)).longValue();
        assertThat(bySql).isEqualTo(2);
        assertThat(results.get(0).groups()).containsExactly(List.of("KEY"));
        MetricValue key = results.get(0).value(0, List.of("KEY"));
        assertThat(key.value()).isEqualByComparingTo(BigDecimal.valueOf(bySql));
        assertThat(listed(manager, "customer", key.drill())).isEqualTo(bySql);
        // complaints have an owner (the handler) but no level or region: only the owner narrows them
        MetricValue handled = results.get(1).value(0);
        assertThat(handled.value()).isEqualByComparingTo(BigDecimal.valueOf(complaintsBySql(rep.userId())
                .get(rep.userId())[0])).isEqualByComparingTo("3");
        assertThat(listed(manager, "feedback", handled.drill())).isEqualTo(3);
        assertThat(results.get(2).value(0).value()).isEqualByComparingTo("4"); // unnarrowed: the colleague's too
    }

    @Test
    void theOwnerFilterReachesPurchasesThroughTheirCustomerLikeHandWrittenSqlWithTheSameDrillThroughCount() {
        long mine = fixture.customer(rep, "温州" + WorkspaceFixture.token() + "鞋业").id();
        long alsoMine = fixture.customer(rep, "台州" + WorkspaceFixture.token() + "模具").id();
        long theirs = fixture.customer(colleague, "绍兴" + WorkspaceFixture.token() + "印染").id();
        fixture.purchase(rep, mine, month.start(), "传感器", "100.00");
        fixture.purchase(rep, alsoMine, month.start().plusDays(9), "阀门", "250.00");
        fixture.purchase(colleague, theirs, month.start().plusDays(2), "电机", "4000.00");
        io.kehu.platform.records.Record gone = fixture.purchase(rep, mine, month.start().plusDays(3), "已删除", "9.00");
        records.delete(Actor.system("metrics-test"), "purchase", gone.id(), gone.rowVersion());
        MetricScope repsCustomers = new MetricScope(rep.userId(), null, null);
        List<MetricRequest> asked = List.of(
                new MetricRequest(metrics.definition("purchase_count").orElseThrow(), List.of(month), false,
                        repsCustomers),
                new MetricRequest(metrics.definition("purchase_revenue").orElseThrow(), List.of(month), false,
                        repsCustomers));
        var bySql = dsl.resultQuery("select count(*), coalesce(sum(p.amount), 0) from frm_purchase p "
                + "where p.deleted_at is null and p.purchased_on between ? and ? and exists (select 1 from "
                + "frm_customer c where c.id = p.customer and c.deleted_at is null and c.account_manager = ?)",
                month.start(), month.lastDay(), rep.userId()).fetchOne();
        long count = ((Number) bySql.get(0)).longValue();
        assertThat(count).isEqualTo(2);
        for (Actor viewer : List.of(manager, rep)) {
            List<MetricResult> results = metrics.compute(viewer, asked, SHANGHAI);
            MetricValue purchases = results.get(0).value(0);
            assertThat(purchases.value()).isEqualByComparingTo(BigDecimal.valueOf(count));
            assertThat(results.get(1).value(0).value()).isEqualByComparingTo(new BigDecimal(bySql.get(1).toString()))
                    .isEqualByComparingTo("350.00");
            // the drill-through says "customer's account manager is …", and lists exactly those purchases
            assertThat(purchases.drill()).anySatisfy(f -> assertThat(f.column()).isEqualTo(
                    "customer.account_manager"));
            assertThat(listed(viewer, "purchase", purchases.drill())).isEqualTo(count);
        }
        // the colleague narrowed to the rep's customers: their permissions still apply through the customer, so none
        MetricValue notTheirs = metrics.compute(colleague, asked, SHANGHAI).get(0).value(0);
        assertThat(notTheirs.value()).isEqualByComparingTo("0");
        assertThat(listed(colleague, "purchase", notTheirs.drill())).isZero();
        // unnarrowed, the manager counts the colleague's purchase too
        assertThat(metrics.compute(manager, request("purchase_count", List.of(month), false), SHANGHAI).value(0)
                .value()).isEqualByComparingTo(BigDecimal.valueOf(count + 1));
    }

    @Test
    void aFilterThroughAReferenceMustNameAReferenceFieldAndAFieldBehindIt() {
        RecordQuery unknown = RecordQuery.of("purchase").where(RecordQuery.Filter.of("customer.colour",
                RecordQuery.Operator.IN, "red"));
        assertThatThrownBy(() -> records.count(manager, unknown)).isInstanceOf(IllegalArgumentException.class);
        RecordQuery notAReference = RecordQuery.of("purchase").where(RecordQuery.Filter.of("amount.owner",
                RecordQuery.Operator.IN, 1));
        assertThatThrownBy(() -> records.count(manager, notAReference)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An answered complaint handled by {@code handler}, first answered {@code hours} after it came in. */
    private void answered(Actor handler, long customer, OffsetDateTime at, int hours) {
        records.create(Actor.system("metrics-test"), "feedback", Map.of("customer", customer, "feedback_type",
                "complaint", "severity", "low", "description", "回复用时" + hours, "status", "resolved", "handler",
                handler.userId(), "received_at", at, "first_response_at", at.plusHours(hours)));
    }

    /** PERCENTILE_CONT by hand, in hours, over the month's answered complaints of {@code handler}. */
    private BigDecimal percentileBySql(String fraction, Actor handler) {
        Object raw = dsl.resultQuery("select percentile_cont(" + fraction + ") within group (order by "
                        + "extract(epoch from first_response_at) - extract(epoch from received_at)) from frm_feedback "
                        + "where deleted_at is null and feedback_type = 'complaint' and handler = ? "
                        + "and received_at >= cast(? as timestamp with time zone) "
                        + "and received_at < cast(? as timestamp with time zone)", handler.userId(),
                month.start().atStartOfDay(SHANGHAI).toOffsetDateTime(),
                month.end().atStartOfDay(SHANGHAI).toOffsetDateTime()).fetchOne().get(0);
        return new BigDecimal(raw.toString()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
    }

    @Test
    void durationPercentilesAreComputedInTheDatabaseLikeHandWrittenSql() {
        long mine = fixture.customer(rep, "湖州" + WorkspaceFixture.token() + "丝绸").id();
        long theirs = fixture.customer(colleague, "台州" + WorkspaceFixture.token() + "汽配").id();
        for (int hours : new int[] {4, 1, 10, 3, 2}) {
            answered(rep, mine, at(month, hours, 9), hours);
        }
        answered(colleague, theirs, at(month, 2, 9), 100);
        fixture.complaint(rep, mine, at(month, 6, 9), "尚未响应", "new"); // no first response: not measured
        List<String> ids = List.of("first_response_p50", "first_response_p90", "first_response_p95");
        List<MetricResult> own = metrics.compute(rep, ids.stream().map(id -> request(id, List.of(month), false))
                .toList(), SHANGHAI);
        // 1, 2, 3, 4, 10 hours interpolated: p50 3, p90 4 + 0.6 × 6, p95 4 + 0.8 × 6
        List<String> expected = List.of("3", "7.6", "8.8");
        List<String> fractions = List.of("0.5", "0.9", "0.95");
        for (int i = 0; i < ids.size(); i++) {
            MetricValue v = own.get(i).value(0);
            assertThat(v.value()).isEqualByComparingTo(expected.get(i))
                    .isEqualByComparingTo(percentileBySql(fractions.get(i), rep));
            assertThat(v.n()).isEqualTo(5);
            assertThat(listed(rep, "feedback", v.nDrill())).isEqualTo(5);
        }
        // the manager sees both handlers; the colleague's one complaint is its own p95
        MetricResult byHandler = metrics.compute(manager, request("first_response_p95", List.of(month), true),
                SHANGHAI);
        assertThat(byHandler.value(0, List.of(rep.userId())).value()).isEqualByComparingTo("8.8");
        assertThat(byHandler.value(0, List.of(colleague.userId())).value()).isEqualByComparingTo("100")
                .isEqualByComparingTo(percentileBySql("0.95", colleague));
    }

    @Test
    void aMissedTargetGivesItsOwnerOneTaskPerClosedPeriod() {
        complaints(); // the rep handles three complaints in the month
        String id = "kpi_" + WorkspaceFixture.token().toLowerCase();
        String json = """
                {"id": "%s", "label": {"zh": "赵敏的投诉数", "en": "The rep's complaints"}, "form": "feedback",
                 "measure": {"function": "count"},
                 "filters": [{"field": "handler", "operator": "in", "values": ["%d"]}],
                 "time": {"field": "received_at", "grain": "month"},
                 "target": {"value": %d, "direction": "at_most", "owner": "%s"}}
                """;
        MetricDefinition kpi = metrics.read("kpi.json", json.formatted(id, rep.userId(), 2, manager.username()));
        LocalDate today = month.end().plusDays(3); // the month has just closed
        List<KpiBreaches.Breach> found = kpiBreaches.check(List.of(kpi), today, SHANGHAI);
        assertThat(found).singleElement().satisfies(b -> {
            assertThat(b.period()).isEqualTo(month);
            assertThat(b.value()).isEqualByComparingTo("3");
            assertThat(b.taskId()).isNotNull();
        });
        List<WorkflowTask> tasks = workflows.openTasks(manager, 0, 50).stream()
                .filter(t -> KpiBreaches.KIND.equals(t.kind())).toList();
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.title().zh()).startsWith("指标未达标：赵敏的投诉数 " + month.start() + " 至 "
                    + month.lastDay() + " 为 3，目标 ≤ 2");
            assertThat(t.title().en()).startsWith("KPI missed: The rep's complaints");
            assertThat(t.formId()).isEqualTo("feedback");
        });
        // the task is about one of the records behind the figure
        MetricValue figure = metrics.compute(manager, new MetricRequest(kpi, List.of(month), false), SHANGHAI)
                .value(0);
        RecordQuery behind = RecordQuery.of("feedback");
        for (RecordQuery.Filter f : figure.drill()) {
            behind = behind.where(f);
        }
        assertThat(records.query(manager, behind)).extracting(io.kehu.platform.records.Record::id)
                .contains(tasks.get(0).recordId());
        // opening the task lists the period's records behind the figure: the card's drill-through, the same count
        metrics.putPluginMetrics("kpi-test-" + id, Map.of("kpi.json", json.formatted(id, rep.userId(), 2,
                manager.username())));
        try {
            KpiBreaches.RecordsBehind list = kpiBreaches.recordsBehind(tasks.get(0).id()).orElseThrow();
            assertThat(list.formId()).isEqualTo("feedback");
            assertThat(list.filters()).isEqualTo(figure.nDrill());
            assertThat(listed(manager, "feedback", list.filters())).isEqualTo(3);
        } finally {
            metrics.removePluginMetrics("kpi-test-" + id);
        }
        // a metric no longer in force: the task opens its record as before
        assertThat(kpiBreaches.recordsBehind(tasks.get(0).id())).isEmpty();
        // checked again (the next day, or by another node): still one task
        assertThat(kpiBreaches.check(List.of(kpi), today, SHANGHAI)).isEmpty();
        assertThat(kpiBreaches.check(List.of(kpi), today.plusDays(1), SHANGHAI)).isEmpty();
        assertThat(workflows.openTasks(manager, 0, 50)).filteredOn(t -> KpiBreaches.KIND.equals(t.kind()))
                .hasSize(1);
        // a target that is met gives no task
        MetricDefinition met = metrics.read("kpi.json", json.formatted(id + "_met", rep.userId(), 3,
                manager.username()));
        assertThat(kpiBreaches.check(List.of(met), today, SHANGHAI)).isEmpty();
    }


    private void runDaily(String automation) {
        Automation a = workflowCatalog.automations().stream().filter(x -> x.id().equals(automation)).findFirst()
                .orElseThrow();
        automations.runDaily(a, LocalDate.now(), Instant.now());
    }

    /** A complaint already in {@code status}, with the extra {@code values}, as the platform's data loading sets up. */
    private long complaint(Actor handler, long customer, OffsetDateTime received, String status,
            Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "medium");
        v.put("description", "投诉 " + WorkspaceFixture.token());
        v.put("status", status);
        v.put("handler", handler.userId());
        v.put("received_at", received);
        if (!status.equals("new")) {
            v.put("first_response_at", received.plusHours(1));
        }
        return records.create(Actor.system("workspace-fixture"), "feedback", v).id();
    }

    @Test
    void overdueComplaintsAreOpenComplaintsTheDailyAutomationMarkedLikeHandWrittenSql() {
        long mine = fixture.customer(rep, "宁波" + WorkspaceFixture.token() + "机械").id();
        OffsetDateTime tenDaysAgo = OffsetDateTime.now(SHANGHAI).minusDays(10);
        long late = complaint(rep, mine, tenDaysAgo, "in_progress", Map.of());
        long waiting = complaint(rep, mine, tenDaysAgo, "waiting_customer", Map.of());
        complaint(rep, mine, OffsetDateTime.now(SHANGHAI).minusHours(2), "new", Map.of()); // not due yet
        complaint(rep, mine, tenDaysAgo, "resolved", Map.of()); // late, but no longer open
        complaint(colleague, mine, tenDaysAgo, "new", Map.of());

        runDaily("complaint_overdue");

        assertThat(records.get(manager, "feedback", late).orElseThrow().get("overdue_since")).isNotNull();
        assertThat(records.get(manager, "feedback", waiting).orElseThrow().get("overdue_since")).isNotNull();
        Map<Long, Long> bySql = new HashMap<>();
        dsl.resultQuery("select handler, count(*) from frm_feedback where deleted_at is null "
                + "and feedback_type = 'complaint' and status in ('new', 'in_progress', 'waiting_customer') "
                + "and overdue_since is not null group by handler").fetch()
                .forEach(r -> bySql.put(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue()));
        assertThat(bySql).containsEntry(rep.userId(), 2L).containsEntry(colleague.userId(), 1L);

        MetricResult all = metrics.compute(manager, request("overdue_complaints", List.of(), true), SHANGHAI);
        for (Map.Entry<Long, Long> e : bySql.entrySet()) {
            MetricValue v = all.value(0, List.of(e.getKey()));
            assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(e.getValue()));
            assertThat(listed(manager, "feedback", v.drill())).isEqualTo(e.getValue());
        }
        // a STAFF user's card counts their own overdue complaints only, and opens exactly those
        MetricValue own = metrics.compute(rep, request("overdue_complaints", List.of(), false), SHANGHAI).value(0);
        assertThat(own.value()).isEqualByComparingTo("2");
        assertThat(listed(rep, "feedback", own.drill())).isEqualTo(2);
    }

    @Test
    void theComplaintProcessRecordsRevisitTimesAndTheOnTimeRateMatchesHandWrittenSql() {
        long mine = fixture.customer(rep, "温州" + WorkspaceFixture.token() + "鞋业").id();
        // through the process: resolving stamps resolved_at, the revisit stamps revisited_at
        long processed = fixture.complaint(rep, mine, OffsetDateTime.now(SHANGHAI).minusDays(1), "经过流程", "new")
                .id();
        // taken and resolved by the manager, so that it is not among the rep's figures should this test's month be
        // the current one
        var taken = workflows.transition(manager, "feedback", processed, "take", null,
                records.get(rep, "feedback", processed).orElseThrow().rowVersion());
        var resolved = workflows.transition(manager, "feedback", processed, "resolve", "已更换", taken.rowVersion());
        assertThat(resolved.get("resolved_at")).isNotNull();
        Actor secondManager = fixture.user("李主管", Role.MANAGER); // a revisit is made by someone else
        var closed = workflows.transition(secondManager, "feedback", processed, "revisit_ok", "客户满意",
                resolved.rowVersion());
        assertThat(closed.get("revisited_at")).isNotNull();

        // complaints resolved in this test's month, revisited on time, late, and not at all
        OffsetDateTime r1 = at(month, 2, 10);
        complaint(rep, mine, r1.minusDays(1), "closed", Map.of("resolved_at", r1, "revisited_at", r1.plusDays(1)));
        complaint(rep, mine, r1.minusDays(1), "closed", Map.of("resolved_at", r1, "revisited_at", r1.plusDays(3)));
        complaint(rep, mine, r1.minusDays(1), "closed", Map.of("resolved_at", r1, "revisited_at", r1.plusHours(5)));
        complaint(rep, mine, r1.minusDays(1), "closed", Map.of("resolved_at", r1, "revisited_at", r1.plusDays(2)));
        complaint(rep, mine, r1.minusDays(1), "in_progress",
                Map.of("resolved_at", r1, "revisited_at", r1.plusDays(5)));
        long notRevisited = complaint(rep, mine, r1.minusDays(1), "resolved", Map.of("resolved_at", r1));
        complaint(colleague, mine, r1.minusDays(1), "closed",
                Map.of("resolved_at", r1.plusDays(1), "revisited_at", r1.plusDays(2)));

        runDaily("revisit_on_time");
        runDaily("revisit_late");

        assertThat(records.get(manager, "feedback", processed).orElseThrow().get("revisit_timing"))
                .isEqualTo("on_time");
        // not revisited 3 days after resolution: late once that has passed (this test's month may lie ahead)
        boolean missedIsDue = OffsetDateTime.now().isAfter(r1.plusDays(3));
        assertThat(records.get(manager, "feedback", notRevisited).orElseThrow().get("revisit_timing"))
                .isEqualTo(missedIsDue ? "late" : null);

        Map<Long, long[]> bySql = new HashMap<>();
        dsl.resultQuery("select handler, revisit_timing from frm_feedback where deleted_at is null "
                        + "and feedback_type = 'complaint' and revisit_timing is not null "
                        + "and resolved_at >= cast(? as timestamp with time zone) "
                        + "and resolved_at < cast(? as timestamp with time zone)",
                month.start().atStartOfDay(SHANGHAI).toOffsetDateTime(),
                month.end().atStartOfDay(SHANGHAI).toOffsetDateTime()).fetch().forEach(r -> {
                    long[] v = bySql.computeIfAbsent(((Number) r.get(0)).longValue(), h -> new long[2]);
                    v[1]++;
                    if ("on_time".equals(r.get(1, String.class))) {
                        v[0]++;
                    }
                });
        assertThat(bySql.get(rep.userId())).containsExactly(4, missedIsDue ? 6 : 5);
        assertThat(bySql.get(colleague.userId())).containsExactly(1, 1);

        MetricResult all = metrics.compute(manager, request("revisit_on_time_rate", List.of(month), true), SHANGHAI);
        for (Map.Entry<Long, long[]> e : bySql.entrySet()) {
            MetricValue v = all.value(0, List.of(e.getKey()));
            assertThat(v.n()).isEqualTo(e.getValue()[1]);
            long n = e.getValue()[1];
            assertThat(v.belowMinimumN()).isEqualTo(n < 5); // minimumN 5
            if (n >= 5) {
                assertThat(v.value().doubleValue()).isCloseTo((double) e.getValue()[0] / n,
                        org.assertj.core.api.Assertions.within(1e-6));
            }
            assertThat(listed(manager, "feedback", v.nDrill())).isEqualTo(n);
            assertThat(listed(manager, "feedback", v.drill())).isEqualTo(e.getValue()[0]);
        }
        // the rep's own card: their revisits only
        MetricValue own = metrics.compute(rep, request("revisit_on_time_rate", List.of(month), false), SHANGHAI)
                .value(0);
        assertThat(own.n()).isEqualTo(missedIsDue ? 6 : 5);
        assertThat(listed(rep, "feedback", own.drill())).isEqualTo(4);
    }


    @Test
    void theScheduledJobStoresAClosedMonthAtItsCloseAndViewersReadThatFigure() {
        complaints();
        MetricDefinition count = metrics.definition("complaint_count").orElseThrow();
        MetricDefinition byLevel = metrics.definition("customers_by_level").orElseThrow();
        LocalDate dayAfter = month.end();
        BigDecimal atClose = liveComplaints(count);
        List<MetricSnapshot> taken = closedPeriodSnapshots.take(List.of(count, byLevel), dayAfter, SHANGHAI);
        // one snapshot, of the month that just closed; a metric without a time field has no closed periods
        assertThat(taken).singleElement().satisfies(s -> {
            assertThat(s.metricId()).isEqualTo("complaint_count");
            assertThat(s.period()).isEqualTo(month);
            assertThat(s.value()).isEqualByComparingTo(atClose);
        });
        // a complaint backdated into the month afterwards changes the live figure; a manager opening the dashboard
        // later reads the figure as it stood at the close, and another run leaves it in place
        long customer = fixture.customer(rep, "台州" + WorkspaceFixture.token() + "塑料").id();
        fixture.complaint(rep, customer, at(month, 12, 10), "补录的投诉", "new");
        assertThat(liveComplaints(count)).isEqualByComparingTo(atClose.add(BigDecimal.ONE));
        assertThat(metrics.snapshot(manager, count, month, SHANGHAI, dayAfter.plusDays(3)).orElseThrow().value())
                .isEqualByComparingTo(atClose);
        assertThat(closedPeriodSnapshots.take(List.of(count), dayAfter, SHANGHAI)).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualByComparingTo(atClose));
    }

    @Test
    void everyShippedMetricReadsAndComputes() {
        assertThat(metrics.definitions()).extracting(MetricDefinition::id).contains("customers_by_level",
                "new_customers", "purchase_revenue", "complaint_count", "complaint_resolution_rate",
                "first_response_hours", "interactions_by_owner", "complaints_by_severity", "overdue_complaints",
                "revisit_on_time_rate");
        for (MetricDefinition m : metrics.definitions()) {
            List<Period> periods = m.time() == null ? List.of() : month.split(Grain.WEEK);
            MetricResult r = metrics.compute(manager, new MetricRequest(m, periods, true), SHANGHAI);
            assertThat(r.groups()).isNotNull();
        }
    }


}
