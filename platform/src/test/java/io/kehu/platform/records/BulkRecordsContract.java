package io.kehu.platform.records;

import static io.kehu.platform.forms.FieldType.DATE;
import static io.kehu.platform.forms.FieldType.INTEGER;
import static io.kehu.platform.forms.FieldType.MONEY;
import static io.kehu.platform.forms.FieldType.REFERENCE;
import static io.kehu.platform.forms.FieldType.SELECT;
import static io.kehu.platform.forms.FieldType.TEXT;
import static io.kehu.platform.forms.FieldType.TEXTAREA;
import static io.kehu.platform.forms.FieldType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.RecordAggregation.Function;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What the bulk operations must do on every supported database: database totals with the reader's permissions,
 * streaming every record in id order, and bulk writes that check like single writes, audit and publish events, and
 * are all or nothing (a refusal in a later chunk or a cancel undoes the earlier chunks).
 */
@Import(RecordsTestConfiguration.class)
@RecordApplicationEvents
abstract class BulkRecordsContract {

    private static final AtomicInteger FORMS = new AtomicInteger();

    @Autowired
    BulkRecords bulk;
    @Autowired
    Records records;
    @Autowired
    TestFormCatalog catalog;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationEvents events;

    Actor system = Actor.system("plugin:test");
    Actor admin;
    Actor staff;
    Actor otherStaff;
    FormDefinition customers;
    FormDefinition purchases;

    @BeforeEach
    void formsAndActors() {
        if (accounts.findByUsername("staff3").isEmpty()) {
            accounts.create("staff3", "钱七 Qian Qi", "staff3-Test-pw-1", Set.of(Role.STAFF));
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        otherStaff = Actor.of(accounts.findByUsername("staff3").orElseThrow());
        int n = FORMS.incrementAndGet();
        customers = catalog.publish(form("bcust" + n, "owner", List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("owner", USER).build(),
                TestField.of("level", SELECT).options("KEY", "NORMAL", "POTENTIAL").readOnly().build(),
                TestField.of("secret", TEXTAREA).readableBy(Role.MANAGER).build())));
        purchases = catalog.publish(form("bpur" + n, "customer", List.of(
                TestField.of("customer", REFERENCE).form(customers.id()).required().build(),
                TestField.of("purchased_on", DATE).required().build(),
                TestField.of("quantity", INTEGER).build(),
                TestField.of("amount", MONEY).required().build())));
    }

    private static FormDefinition form(String id, String ownerField, List<FieldDefinition> fields) {
        return new FormDefinition(id, null, null, null, 0, "name", ownerField, fields, null, null, null);
    }

    private long customer(String name, Actor owner) {
        return records.create(system, customers.id(), Map.of("name", name, "owner", owner.userId())).id();
    }

    private void purchase(long customer, String date, String amount, long quantity) {
        records.create(system, purchases.id(), Map.of("customer", customer, "purchased_on", date,
                "amount", Money.of(amount, "CNY"), "quantity", quantity));
    }

    private Map<Long, RecordAggregation.Row> totals(Actor actor, RecordAggregation aggregation) {
        Map<Long, RecordAggregation.Row> rows = new HashMap<>();
        bulk.aggregate(actor, aggregation, row -> rows.put((Long) row.groups().get("customer"), row));
        return rows;
    }

    // ---------------------------------------------------------------- aggregates

    @Test
    void aggregatesGroupInTheDatabaseWithTheReadersVisibility() {
        long mine = customer("上海远航", staff);
        long alsoMine = customer("杭州青山", staff);
        long theirs = customer("广州南风", otherStaff);
        purchase(mine, "2026-01-05", "100.50", 1);
        purchase(mine, "2026-06-30", "200.00", 2);
        purchase(mine, "2025-12-31", "999.00", 1);
        purchase(alsoMine, "2026-12-31", "10.00", 3);
        purchase(theirs, "2026-03-01", "50.00", 1);
        RecordAggregation year = RecordAggregation.of(purchases.id())
                .where(Filter.of("purchased_on", Operator.BETWEEN, "2026-01-01", LocalDate.of(2026, 12, 31)))
                .groupBy("customer")
                .measure(Function.SUM, "amount").measure(Function.COUNT, null)
                .measure(Function.MAX, "purchased_on").measure(Function.MIN, "purchased_on")
                .measure(Function.AVG, "amount").measure(Function.SUM, "quantity");

        Map<Long, RecordAggregation.Row> all = totals(admin, year);
        assertThat(all).containsOnlyKeys(mine, alsoMine, theirs);
        RecordAggregation.Row row = all.get(mine);
        assertThat((BigDecimal) row.measures().get("sum:amount")).isEqualByComparingTo("300.50");
        assertThat(row.measures().get("count")).isEqualTo(2L);
        assertThat(row.measures().get("max:purchased_on")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(row.measures().get("min:purchased_on")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat((BigDecimal) row.measures().get("avg:amount")).isEqualByComparingTo("150.25");
        assertThat((BigDecimal) row.measures().get("sum:quantity")).isEqualByComparingTo("3");

        assertThat(totals(staff, year)).containsOnlyKeys(mine, alsoMine);
        List<Long> order = new ArrayList<>();
        bulk.aggregate(admin, year, r -> order.add((Long) r.groups().get("customer")));
        assertThat(order).containsExactly(mine, alsoMine, theirs);

        List<RecordAggregation.Row> overall = new ArrayList<>();
        bulk.aggregate(staff, RecordAggregation.of(purchases.id()).measure(Function.COUNT, null)
                .measure(Function.SUM, "amount"), overall::add);
        assertThat(overall).singleElement().satisfies(r -> {
            assertThat(r.measures().get("count")).isEqualTo(4L);
            assertThat((BigDecimal) r.measures().get("sum:amount")).isEqualByComparingTo("1309.50");
        });
    }

    @Test
    void aggregatesRefuseFieldsTheReaderMayNotReadAndMeasuresThatDoNotFit() {
        customer("北京", staff);
        assertThatThrownBy(() -> bulk.aggregate(staff, RecordAggregation.of(customers.id()).groupBy("secret")
                .measure(Function.COUNT, null), r -> { }))
                .isInstanceOf(RecordAccessDeniedException.class);
        assertThatThrownBy(() -> bulk.aggregate(admin, RecordAggregation.of(customers.id())
                .measure(Function.SUM, "name"), r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> bulk.aggregate(admin, RecordAggregation.of(customers.id())
                .measure(Function.MAX, "nonsense"), r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonsense");
        Map<Object, Long> byLevel = new HashMap<>();
        bulk.aggregate(manager(), RecordAggregation.of(customers.id()).groupBy("level")
                .measure(Function.COUNT, null), r -> byLevel.put(r.groups().get("level"), (Long) r.measures()
                .get("count")));
        assertThat(byLevel).containsEntry(null, 1L);
    }

    private Actor manager() {
        return Actor.of(accounts.findByUsername("manager").orElseThrow());
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void forEachStreamsEveryRecordInIdOrderWithTheChosenFields() {
        int count = RecordStreamReader.PAGE_SIZE + 37;
        bulk.batch(system, null, null, b -> {
            for (int i = 0; i < count; i++) {
                b.create(customers.id(), Map.of("name", "客户" + i, "owner", i % 2 == 0 ? staff.userId()
                        : otherStaff.userId(), "secret", "s" + i));
            }
        });
        List<Record> seen = new ArrayList<>();
        bulk.forEach(admin, RecordQuery.of(customers.id()), List.of("name"), seen::add);
        assertThat(seen).hasSize(count);
        assertThat(seen).extracting(Record::id).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(0).values().asMap()).containsOnlyKeys("name");
        assertThat(seen.get(0).get("name")).isEqualTo("客户0");

        AtomicInteger staffSees = new AtomicInteger();
        bulk.forEach(staff, RecordQuery.of(customers.id()).where(Filter.of("name", Operator.STARTS_WITH, "客户1")),
                List.of(), r -> {
                    assertThat(r.values().asMap()).doesNotContainKey("secret").containsKey("name");
                    staffSees.incrementAndGet();
                });
        long expected = java.util.stream.IntStream.range(0, count)
                .filter(i -> i % 2 == 0 && Integer.toString(i).startsWith("1")).count();
        assertThat(staffSees.get()).isEqualTo((int) expected);
    }

    // ---------------------------------------------------------------- bulk writes

    @Test
    void bulkWritesKeepTextsThatLookLikeArraySyntaxAndMoneyAsGiven() {
        List<String> names = List.of("引号\"和\\反斜杠", "{大括号,逗号}", "NULL", "'单引号'", "反斜杠n\\n");
        long[] ids = new long[names.size()];
        bulk.batch(system, null, null, b -> names.forEach(name -> b.create(customers.id(), Map.of("name", name,
                "owner", staff.userId()))));
        List<Record> created = records.query(admin, RecordQuery.of(customers.id()).sortBy(RecordQuery.Sort.asc("id")));
        assertThat(created).extracting(r -> r.get("name")).containsExactlyElementsOf(names);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = created.get(i).id();
        }
        bulk.batch(system, null, null, b -> {
            for (int i = 0; i < ids.length; i++) {
                b.update(customers.id(), ids[i], 0, Map.of("name", names.get(names.size() - 1 - i) + "改"));
            }
            b.create(purchases.id(), Map.of("customer", ids[0], "purchased_on", "2026-03-05",
                    "amount", Money.of("1234.50", "CNY")));
        });
        assertThat(records.query(admin, RecordQuery.of(customers.id()).sortBy(RecordQuery.Sort.asc("id"))))
                .extracting(r -> r.get("name")).containsExactlyElementsOf(names.reversed().stream()
                        .map(n -> n + "改").toList());
        assertThat(records.query(admin, RecordQuery.of(purchases.id())).getFirst().get("amount"))
                .isEqualTo(Money.of("1234.50", "CNY"));
    }

    @Test
    void bulkUpdatesCheckAuditAndPublishLikeSingleWrites() {
        long a = customer("甲", staff);
        long b = customer("乙", staff);
        long c = customer("丙", staff);
        records.update(system, customers.id(), c, 0, Map.of("level", "KEY"));
        AtomicLong progress = new AtomicLong();
        BulkRecords.Outcome outcome = bulk.batch(Actor.system("plugin:tiering for admin"), progress::set, null,
                batch -> {
                    batch.update(customers.id(), a, 0, Map.of("level", "KEY"));
                    batch.update(customers.id(), b, 0, Map.of("level", "NORMAL"));
                    batch.update(customers.id(), c, 1, Map.of("level", "KEY"));
                });
        assertThat(outcome).isEqualTo(new BulkRecords.Outcome(0, 2, 1));
        assertThat(progress.get()).isEqualTo(3);
        Record updated = records.get(admin, customers.id(), a).orElseThrow();
        assertThat(updated.get("level")).isEqualTo("KEY");
        assertThat(updated.rowVersion()).isEqualTo(1);
        assertThat(records.get(admin, customers.id(), c).orElseThrow().rowVersion()).isEqualTo(1);
        assertThat(records.history(admin, customers.id(), b)).last().satisfies(e -> {
            assertThat(e.fieldId()).isEqualTo("level");
            assertThat(e.oldValue()).isNull();
            assertThat(e.newValue()).isEqualTo("NORMAL");
            assertThat(e.changedByName()).isEqualTo("plugin:tiering for admin");
        });
        assertThat(events.stream(RecordsSavedInBulk.class).filter(e -> e.formId().equals(customers.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.ids()).containsExactly(a, b);
                    assertThat(e.changedFields()).containsExactly("level");
                });
    }

    @Test
    void bulkWritesUseTheActorsPermissions() {
        long a = customer("甲", staff);
        assertThatThrownBy(() -> bulk.batch(admin, null, null,
                batch -> batch.update(customers.id(), a, 0, Map.of("level", "KEY"))))
                .isInstanceOf(RecordAccessDeniedException.class).hasMessageContaining("level");
        long theirs = customer("乙", otherStaff);
        assertThatThrownBy(() -> bulk.batch(staff, null, null,
                batch -> batch.update(customers.id(), theirs, 0, Map.of("name", "改名"))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.get(admin, customers.id(), a).orElseThrow().rowVersion()).isZero();
    }

    @Test
    void aRefusalInALaterChunkUndoesTheWholeBatch() {
        List<Long> ids = new ArrayList<>();
        bulk.batch(system, null, null, batch -> {
            for (int i = 0; i < BatchWriter.CHUNK + 10; i++) {
                batch.create(customers.id(), Map.of("name", "客户" + i));
            }
        });
        bulk.forEach(admin, RecordQuery.of(customers.id()), List.of(), r -> ids.add(r.id()));
        long last = ids.get(ids.size() - 1);
        records.update(system, customers.id(), last, 0, Map.of("name", "有人改过"));

        assertThatThrownBy(() -> bulk.batch(system, null, null, batch -> ids.forEach(id ->
                batch.update(customers.id(), id, 0, Map.of("level", "NORMAL")))))
                .isInstanceOf(RecordConflictException.class);
        assertThat(levels()).containsOnlyKeys((String) null);

        assertThatThrownBy(() -> bulk.batch(system, null, null, batch -> {
            batch.update(customers.id(), ids.get(0), 0, Map.of("level", "NORMAL"));
            batch.create(purchases.id(), Map.of("customer", 987_654_321L, "purchased_on", "2026-01-01",
                    "amount", Money.of("1", "CNY")));
        })).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::code).containsExactly("reference_missing"));
        assertThatThrownBy(() -> bulk.batch(system, null, null,
                batch -> batch.update(customers.id(), ids.get(0), 0, Map.of("level", "GOLD"))))
                .isInstanceOf(RecordValidationException.class).hasMessageContaining(customers.id() + "/" + ids.get(0));
        assertThat(levels()).containsOnlyKeys((String) null);
    }

    @Test
    void aCancelledBatchLeavesNothingBehind() {
        long auditBefore = dsl.fetchCount(DSL.table(DSL.name("kehu_audit")));
        AtomicLong progress = new AtomicLong();
        assertThatThrownBy(() -> bulk.batch(system, progress::set, () -> progress.get() > 0, batch -> {
            for (int i = 0; i < BatchWriter.CHUNK * 2 + 1; i++) {
                batch.create(customers.id(), Map.of("name", "客户" + i));
            }
        })).isInstanceOf(BatchCancelledException.class);
        assertThat(progress.get()).isEqualTo(BatchWriter.CHUNK);
        assertThat(dsl.fetchCount(DSL.table(DSL.name(io.kehu.platform.forms.FormTables.table(customers.id())))))
                .isZero();
        assertThat(dsl.fetchCount(DSL.table(DSL.name("kehu_audit")))).isEqualTo(auditBefore);
    }

    @Test
    void bulkCreatesGetDefaultsOwnersAuditAndEvents() {
        long a = customer("甲", staff);
        BulkRecords.Outcome outcome = bulk.batch(staff, null, null, batch -> {
            batch.create(customers.id(), Map.of("name", "新客户"));
            batch.create(purchases.id(), Map.of("customer", a, "purchased_on", "2026-02-03",
                    "amount", "88.80", "quantity", "2"));
        });
        assertThat(outcome.created()).isEqualTo(2);
        List<Record> mine = new ArrayList<>();
        bulk.forEach(staff, RecordQuery.of(customers.id()), List.of("name", "owner"), mine::add);
        assertThat(mine).extracting(r -> r.get("name")).containsExactly("甲", "新客户");
        assertThat(mine.get(1).get("owner")).isEqualTo(staff.userId());
        assertThat(records.history(admin, customers.id(), mine.get(1).id())).singleElement()
                .satisfies(e -> assertThat(e.changedByName()).isEqualTo("staff"));
        List<Record> bought = new ArrayList<>();
        bulk.forEach(admin, RecordQuery.of(purchases.id()), List.of(), bought::add);
        assertThat(bought).singleElement().satisfies(p -> {
            assertThat(p.get("amount")).isEqualTo(Money.of("88.80", "CNY"));
            assertThat(p.get("quantity")).isEqualTo(2L);
        });
        assertThat(events.stream(RecordsSavedInBulk.class).filter(RecordsSavedInBulk::created)).hasSize(2);
    }

    @Test
    void guardsAreAskedOnlyAboutFormsTheyWatchAndThenSeeTheWholeOldRecord() {
        long a = customer("甲", staff);
        long b = customer("乙", staff);
        RecordsTestConfiguration.WATCHED_CHANGES.clear();
        RecordsTestConfiguration.WATCHED_FORM.set(customers.id());
        try {
            bulk.batch(system, null, null, batch -> {
                batch.update(customers.id(), a, 0, Map.of("level", "KEY"));
                batch.update(customers.id(), b, 0, Map.of("level", "NORMAL"));
                batch.create(purchases.id(), Map.of("customer", a, "purchased_on", "2026-02-03", "amount", "1"));
            });
        } finally {
            RecordsTestConfiguration.WATCHED_FORM.set(null);
        }
        assertThat(RecordsTestConfiguration.WATCHED_CHANGES).hasSize(2).allSatisfy(change -> {
            assertThat(change.form().id()).isEqualTo(customers.id());
            Record old = change.old().orElseThrow();
            assertThat(old.createdAt()).isNotNull();
            assertThat(old.updatedAt()).isNotNull();
            assertThat(old.get("name")).isIn("甲", "乙");
        });
    }

    @Test
    void referencesToRecordsTheBatchWroteAreValidAndOthersAreStillLookedUp() {
        long a = customer("甲", staff);
        long b = customer("乙", staff);
        long gone = customer("丙", staff);
        records.delete(system, customers.id(), gone, 0);
        BulkRecords.Outcome outcome = bulk.batch(system, null, null, batch -> {
            batch.update(customers.id(), a, 0, Map.of("level", "KEY"));
            for (int i = 0; i < BatchWriter.CHUNK; i++) {
                batch.create(purchases.id(), Map.of("customer", i % 2 == 0 ? a : b, "purchased_on", "2026-02-03",
                        "amount", "1"));
            }
        });
        assertThat(outcome.created()).isEqualTo(BatchWriter.CHUNK);
        assertThat(outcome.updated()).isEqualTo(1);

        assertThatThrownBy(() -> bulk.batch(system, null, null, batch -> {
            batch.update(customers.id(), b, 0, Map.of("level", "KEY"));
            batch.create(purchases.id(), Map.of("customer", b, "purchased_on", "2026-02-03", "amount", "1"));
            batch.create(purchases.id(), Map.of("customer", gone, "purchased_on", "2026-02-03", "amount", "1"));
        })).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::code).containsExactly("reference_missing"));
        assertThat(records.get(admin, customers.id(), b).orElseThrow().get("level")).isNull();

        long theirs = customer("丁", otherStaff);
        assertThatThrownBy(() -> bulk.batch(staff, null, null, batch -> {
            batch.update(customers.id(), b, 0, Map.of("name", "乙二"));
            batch.create(purchases.id(), Map.of("customer", theirs, "purchased_on", "2026-02-03", "amount", "1"));
        })).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::code).containsExactly("reference_missing"));
    }

    @Test
    void uniqueByIndexLeavesTheLookUpToTheIndexWhichStillRefusesATakenValue() {
        FormDefinition keyed = catalog.publish(form("bkey" + FORMS.incrementAndGet(), null, List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("idem_key", TEXT).unique().build())));
        // the schema sync's unique index (the test catalog creates bare tables)
        dsl.createUniqueIndex(io.kehu.platform.forms.FormTables.uniqueIndex(keyed.id(), "idem_key"))
                .on(DSL.table(DSL.name(io.kehu.platform.forms.FormTables.table(keyed.id()))), DSL.field(DSL.name(
                        "idem_key"))).execute();
        records.create(system, keyed.id(), Map.of("name", "已有", "idem_key", "purchase/1|base"));
        BulkRecords.Options byIndex = new BulkRecords.Options(null, null, false, false, null, null, true);
        long auditBefore = dsl.fetchCount(DSL.table(DSL.name("kehu_audit")));

        // a value another record holds: no look-up, so the insert itself is refused, as a duplicate, all or nothing
        assertThatThrownBy(() -> bulk.batch(system, byIndex, batch -> {
            batch.create(keyed.id(), Map.of("name", "新", "idem_key", "purchase/2|base"));
            batch.create(keyed.id(), Map.of("name", "重复", "idem_key", "purchase/1|base"));
        })).satisfies(e -> assertThat(DatabaseRefusal.of(e)).isEqualTo(DatabaseRefusal.DUPLICATE));
        // twice in one chunk: still refused by the checks, with the field named
        assertThatThrownBy(() -> bulk.batch(system, byIndex, batch -> {
            batch.create(keyed.id(), Map.of("name", "甲", "idem_key", "purchase/3|base"));
            batch.create(keyed.id(), Map.of("name", "乙", "idem_key", "purchase/3|base"));
        })).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::code).containsExactly("unique"));
        assertThat(dsl.fetchCount(DSL.table(DSL.name(io.kehu.platform.forms.FormTables.table(keyed.id())))))
                .isEqualTo(1);
        assertThat(dsl.fetchCount(DSL.table(DSL.name("kehu_audit")))).isEqualTo(auditBefore);

        BulkRecords.Outcome fresh = bulk.batch(system, byIndex, batch -> {
            for (int i = 0; i < BatchWriter.CHUNK + 3; i++) {
                batch.create(keyed.id(), Map.of("name", "新" + i, "idem_key", "purchase/" + (100 + i) + "|base"));
            }
        });
        assertThat(fresh.created()).isEqualTo(BatchWriter.CHUNK + 3);
    }

    private Map<String, Long> levels() {
        Map<String, Long> byLevel = new HashMap<>();
        bulk.aggregate(admin, RecordAggregation.of(customers.id()).groupBy("level").measure(Function.COUNT, null),
                r -> byLevel.put((String) r.groups().get("level"), (Long) r.measures().get("count")));
        return byLevel;
    }
}
