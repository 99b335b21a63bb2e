package io.kehu.platform.records;

import static io.kehu.platform.forms.FieldType.BOOLEAN;
import static io.kehu.platform.forms.FieldType.DATE;
import static io.kehu.platform.forms.FieldType.INTEGER;
import static io.kehu.platform.forms.FieldType.MONEY;
import static io.kehu.platform.forms.FieldType.REFERENCE;
import static io.kehu.platform.forms.FieldType.SELECT;
import static io.kehu.platform.forms.FieldType.TEXT;
import static io.kehu.platform.forms.FieldType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.ContributedColumn.Kind;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Contributed list columns ({@link ContributedColumn}) on every supported database: a plugin's figure (the latest
 * risk score, a points balance) shown, filtered and sorted on another form's list in the list's own statement, with
 * the viewer's permissions on the source form, keyset pages in the column's order, the bounded count, and the column
 * gone cleanly when its contributor stops.
 */
@Import(RecordsTestConfiguration.class)
abstract class ListColumnsContract {

    private static final AtomicInteger FORMS = new AtomicInteger();
    private static final Set<Operator> NUMBER_OPERATORS = EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS,
            Operator.GREATER, Operator.GREATER_OR_EQUAL, Operator.LESS, Operator.LESS_OR_EQUAL, Operator.BETWEEN,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);

    @Autowired
    Records records;
    @Autowired
    TestFormCatalog catalog;
    @Autowired
    UserAccounts accounts;

    Actor system = Actor.system("test-plugin");
    Actor manager;
    Actor staff;

    String customers;
    String scores;
    String accountsForm;
    final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void formsAndRecords() {
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        int n = FORMS.incrementAndGet();
        customers = catalog.publish(form("lccust" + n, "owner", List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("owner", USER).build()))).id();
        // a plugin's score history: several rows per customer, the current one flagged
        scores = catalog.publish(form("lcscore" + n, "customer", List.of(
                TestField.of("customer", REFERENCE).form(customers).required().build(),
                TestField.of("scored_on", DATE).build(),
                TestField.of("score", INTEGER).build(),
                TestField.of("band", SELECT).options("high", "medium", "low").build(),
                TestField.of("latest", BOOLEAN).build(),
                TestField.of("secret", INTEGER).readableBy(Role.MANAGER).build()))).id();
        accountsForm = catalog.publish(form("lcacct" + n, "customer", List.of(
                TestField.of("customer", REFERENCE).form(customers).required().unique().build(),
                TestField.of("balance", INTEGER).build(),
                TestField.of("worth", MONEY).build()))).id();
        for (String name : List.of("甲", "乙", "丙", "丁")) {
            ids.put(name, records.create(system, customers, Map.of("name", name, "owner",
                    "丁".equals(name) ? manager.userId() : staff.userId())).id());
        }
        score("甲", "2026-01-05", 40, "medium", false);
        score("甲", "2026-03-05", 85, "high", true);
        score("乙", "2026-03-01", 70, "high", true);
        score("丙", "2026-03-02", 20, "low", true);
        account("甲", 1200, "88.50");
        account("乙", 0, "0");
        account("丙", 56000, "1280.00");
        LIST_COLUMNS().addAll(List.of(
                column("risk", scores, "score", "latest", null, Kind.NUMBER),
                column("risk_band", scores, "band", "latest", null, Kind.LEVEL),
                column("risk_by_date", scores, "score", null, "scored_on", Kind.NUMBER),
                column("points", accountsForm, "balance", null, null, Kind.NUMBER),
                column("points_worth", accountsForm, "worth", null, null, Kind.MONEY),
                column("secret_figure", scores, "secret", "latest", null, Kind.NUMBER)));
    }

    @AfterEach
    void noColumns() {
        LIST_COLUMNS().clear();
    }

    private static List<ContributedColumn> LIST_COLUMNS() {
        return RecordsTestConfiguration.LIST_COLUMNS;
    }

    private ContributedColumn column(String id, String source, String value, String onlyWhere, String latestBy,
                                     Kind kind) {
        return new ContributedColumn(customers, id, LocalizedText.of("列" + id, "Column " + id), source, "customer",
                value, onlyWhere, latestBy, kind, null, true,
                kind == Kind.LEVEL ? EnumSet.of(Operator.IN, Operator.IS_EMPTY) : NUMBER_OPERATORS, "test-plugin");
    }

    private static FormDefinition form(String id, String ownerField, List<FieldDefinition> fields) {
        return new FormDefinition(id, null, null, null, 0, fields.get(0).id(), ownerField, fields, null, null, null);
    }

    private void score(String customer, String on, int score, String band, boolean latest) {
        records.create(system, scores, Map.of("customer", ids.get(customer), "scored_on", on, "score", score,
                "band", band, "latest", latest, "secret", score * 10));
    }

    private void account(String customer, int balance, String worth) {
        records.create(system, accountsForm, Map.of("customer", ids.get(customer), "balance", balance,
                "worth", new Money(new BigDecimal(worth), "CNY")));
    }

    private RecordQuery list(String... columns) {
        return RecordQuery.of(customers).withListColumns(List.of(columns));
    }

    private List<String> names(List<Record> rows) {
        return rows.stream().map(r -> (String) r.get("name")).toList();
    }

    private Map<String, Object> valuesOf(List<Record> rows, String column) {
        Map<String, Object> values = new HashMap<>();
        rows.forEach(r -> values.put((String) r.get("name"), r.get(column)));
        return values;
    }

    @Test
    void theColumnsCarryTheCurrentSourceValueOfEachRecord() {
        List<Record> rows = records.query(manager, list("risk", "risk_band", "risk_by_date", "points",
                "points_worth").sortBy(Sort.asc("name")));
        Map<String, Object> risk = valuesOf(rows, "risk");
        assertThat(risk).containsEntry("甲", 85L).containsEntry("乙", 70L).containsEntry("丙", 20L)
                .containsEntry("丁", null);
        assertThat(valuesOf(rows, "risk_by_date")).containsEntry("甲", 85L); // the latest by date, not the first
        assertThat(valuesOf(rows, "risk_band")).containsEntry("甲", "high").containsEntry("丙", "low");
        assertThat(valuesOf(rows, "points")).containsEntry("丙", 56000L).containsEntry("乙", 0L)
                .containsEntry("丁", null);
        assertThat(valuesOf(rows, "points_worth")).containsEntry("丙", new Money(new BigDecimal("1280.00"), "CNY"));
        // a query that does not ask for a column does not read it
        assertThat(records.query(manager, RecordQuery.of(customers)).get(0).values().has("risk")).isFalse();
    }

    @Test
    void theColumnsFilterOnBothPathsAndSortWithEmptyValuesLast() {
        assertThat(names(records.query(manager, list("risk").sortBy(Sort.asc("name"))
                .where(Filter.of("risk", Operator.GREATER_OR_EQUAL, 70))))).containsExactlyInAnyOrder("甲", "乙");
        // latest by a date: compared per record, not per row (甲's older 40 must not match)
        assertThat(names(records.query(manager, list().where(Filter.of("risk_by_date", Operator.LESS, 50)))))
                .containsExactly("丙");
        assertThat(names(records.query(manager, list().where(Filter.of("risk", Operator.IS_EMPTY)))))
                .containsExactly("丁");
        assertThat(names(records.query(manager, list().where(Filter.of("risk", Operator.NOT_EQUALS, 70)))))
                .containsExactlyInAnyOrder("甲", "丙", "丁");
        assertThat(names(records.query(manager, list().where(Filter.of("risk", Operator.BETWEEN, 20, 70)))))
                .containsExactlyInAnyOrder("乙", "丙");
        assertThat(names(records.query(manager, list().where(new Filter("risk_band", Operator.IN,
                List.of("high")))))).containsExactlyInAnyOrder("甲", "乙");
        assertThat(names(records.query(manager, list().where(Filter.of("points_worth", Operator.GREATER, "100"))))
                ).containsExactly("丙");
        assertThat(records.count(manager, list().where(Filter.of("risk", Operator.GREATER_OR_EQUAL, 70))))
                .isEqualTo(ListedCount.exact(2));

        assertThat(names(records.query(manager, list("risk").sortBy(Sort.asc("risk")))))
                .containsExactly("丙", "乙", "甲", "丁");
        assertThat(names(records.query(manager, list("risk").sortBy(Sort.desc("points")))))
                .containsExactly("丁", "丙", "甲", "乙");
        assertThatThrownBy(() -> records.query(manager, list().where(Filter.of("risk_band", Operator.CONTAINS,
                "h")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("risk_band");
    }

    @Test
    void keysetPagesFollowTheColumnsOrder() {
        RecordQuery query = list("risk").sortBy(Sort.desc("risk")).limit(1);
        List<String> seen = new ArrayList<>();
        List<Record> page = records.query(manager, query);
        while (!page.isEmpty()) {
            seen.addAll(names(page));
            page = records.query(manager, query.after(page.get(page.size() - 1)));
        }
        assertThat(seen).containsExactly("丁", "甲", "乙", "丙");
    }

    @Test
    void sortingByJoinedColumnsKeepsEveryRecordOnceWithKeysetPagesAndPermissions() {
        // two columns of the same source rows sorted together (one join), a latest-by column beside them (its
        // sub-select), and pages of one record across the records without a score
        RecordQuery query = list("risk", "risk_band", "risk_by_date").sortBy(Sort.asc("risk_band"), Sort.desc("risk"))
                .limit(1);
        List<String> seen = new ArrayList<>();
        List<Record> page = records.query(manager, query);
        while (!page.isEmpty()) {
            seen.addAll(names(page));
            assertThat(page.get(0).get("risk_by_date")).isEqualTo(page.get(0).get("risk"));
            page = records.query(manager, query.after(page.get(page.size() - 1)));
        }
        assertThat(seen).containsExactly("甲", "乙", "丙", "丁");
        // an older, no longer current row of 甲 and a deleted current row of 乙 do not count
        Record gone = records.query(system, RecordQuery.of(scores).where(Filter.of("customer", Operator.EQUALS,
                ids.get("乙")))).get(0);
        records.delete(system, scores, gone.id(), gone.rowVersion());
        List<Record> ascending = records.query(manager, list("risk").sortBy(Sort.asc("risk")));
        assertThat(names(ascending)).containsExactly("丙", "甲", "乙", "丁");
        assertThat(valuesOf(ascending, "risk")).containsEntry("乙", null).containsEntry("甲", 85L);
        // staff: their own customers only, sorted by the figure they may read; the manager-only one they cannot
        assertThat(names(records.query(staff, list("risk").sortBy(Sort.desc("risk"))))).containsExactly("乙", "甲",
                "丙");
        assertThatThrownBy(() -> records.query(staff, list().sortBy(Sort.asc("secret_figure"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(names(records.query(manager, list("points").sortBy(Sort.asc("points"))
                .where(Filter.of("risk", Operator.GREATER, 10))))).containsExactly("甲", "丙");
    }

    @Test
    void viewersSeeOnlyWhatTheyMayReadOfTheSourceForm() {
        assertThat(records.listColumns(manager, customers)).extracting(ListedColumn::id)
                .containsExactly("risk", "risk_band", "risk_by_date", "points", "points_worth", "secret_figure");
        assertThat(records.listColumns(staff, customers)).extracting(ListedColumn::id)
                .doesNotContain("secret_figure").contains("risk");
        ListedColumn band = records.listColumns(staff, customers).get(1);
        assertThat(band.field().label().zh()).isEqualTo("列risk_band");
        assertThat(band.field().options()).hasSize(3);

        // staff list their own customers (甲 乙 丙), with the values; the manager-only figure is not there
        List<Record> rows = records.query(staff, list("risk", "secret_figure"));
        assertThat(names(rows)).containsExactlyInAnyOrder("甲", "乙", "丙");
        assertThat(rows).allSatisfy(r -> assertThat(r.values().has("secret_figure")).isFalse());
        assertThat(valuesOf(rows, "risk")).containsEntry("甲", 85L);
        assertThat(valuesOf(records.query(manager, list("secret_figure")), "secret_figure"))
                .containsEntry("甲", 850L);
        assertThatThrownBy(() -> records.query(staff, list().where(Filter.of("secret_figure", Operator.IS_EMPTY))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(names(records.query(staff, list().where(Filter.of("risk", Operator.GREATER, 80)))))
                .containsExactly("甲");
    }

    @Test
    void aStoppedContributorTakesItsColumnsAway() {
        LIST_COLUMNS().clear();
        assertThat(records.listColumns(manager, customers)).isEmpty();
        List<Record> rows = records.query(manager, list("risk"));
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.values().has("risk")).isFalse());
        assertThatThrownBy(() -> records.query(manager, list().where(Filter.of("risk", Operator.GREATER, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("risk");
    }

    @Test
    void columnsThatDoNotFitTheFormsAreNamedAndLeftOut() {
        ContributedColumn wrongKind = column("wrong", scores, "score", null, null, Kind.LEVEL);
        ContributedColumn taken = column("name", scores, "score", null, null, Kind.NUMBER);
        ContributedColumn noField = column("nothing", scores, "missing", null, null, Kind.NUMBER);
        assertThat(records.listColumnProblems(wrongKind)).anyMatch(p -> p.contains("INTEGER"));
        assertThat(records.listColumnProblems(taken)).anyMatch(p -> p.contains("already has a field name"));
        assertThat(records.listColumnProblems(noField)).anyMatch(p -> p.contains("missing"));
        assertThat(records.listColumnProblems(column("risk", scores, "score", "latest", null, Kind.NUMBER)))
                .isEmpty();
        ContributedColumn sameIdOtherPlugin = new ContributedColumn(customers, "risk", LocalizedText.EMPTY, scores,
                "customer", "score", null, null, Kind.NUMBER, null, true, Set.of(), "another-plugin");
        assertThat(records.listColumnProblems(sameIdOtherPlugin)).anyMatch(p -> p.contains("test-plugin"));
        LIST_COLUMNS().add(wrongKind);
        assertThat(records.listColumns(manager, customers)).extracting(ListedColumn::id).doesNotContain("wrong");
        assertThat(records.query(manager, list("wrong"))).hasSize(4);
    }

    @Test
    void aLargerListIsPagedLazilyWithTheColumn() {
        for (int i = 0; i < 120; i++) {
            long id = records.create(system, customers, Map.of("name", "客户" + i, "owner", staff.userId())).id();
            records.create(system, scores, Map.of("customer", id, "scored_on", LocalDate.of(2026, 3, 1),
                    "score", i % 100, "band", "low", "latest", true));
        }
        RecordQuery query = list("risk").sortBy(Sort.desc("risk")).where(Filter.of("risk", Operator.GREATER_OR_EQUAL,
                90)).limit(5);
        List<Record> first = records.query(manager, query);
        assertThat(first).extracting(r -> r.get("risk")).containsExactly(99L, 98L, 97L, 96L, 95L);
        List<Record> second = records.query(manager, query.after(first.get(4)));
        assertThat(second).extracting(r -> r.get("risk")).containsExactly(94L, 93L, 92L, 91L, 90L);
        assertThat(records.query(manager, query.after(second.get(4)))).isEmpty();
        assertThat(records.count(manager, query)).isEqualTo(ListedCount.exact(10));
    }
}
