package io.kehu.platform.records;

import static io.kehu.platform.forms.FieldType.BOOLEAN;
import static io.kehu.platform.forms.FieldType.COMPUTED;
import static io.kehu.platform.forms.FieldType.DATE;
import static io.kehu.platform.forms.FieldType.DATETIME;
import static io.kehu.platform.forms.FieldType.DECIMAL;
import static io.kehu.platform.forms.FieldType.EMAIL;
import static io.kehu.platform.forms.FieldType.INTEGER;
import static io.kehu.platform.forms.FieldType.MONEY;
import static io.kehu.platform.forms.FieldType.MULTISELECT;
import static io.kehu.platform.forms.FieldType.PERCENT;
import static io.kehu.platform.forms.FieldType.PHONE;
import static io.kehu.platform.forms.FieldType.RATING;
import static io.kehu.platform.forms.FieldType.REFERENCE;
import static io.kehu.platform.forms.FieldType.SELECT;
import static io.kehu.platform.forms.FieldType.SUBTABLE;
import static io.kehu.platform.forms.FieldType.TEXT;
import static io.kehu.platform.forms.FieldType.TEXTAREA;
import static io.kehu.platform.forms.FieldType.URL;
import static io.kehu.platform.forms.FieldType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the record store must do on every supported database: round trips of every field type, conversion on save,
 * optimistic locking, soft delete, the audit trail, permissions and ownership, queries with filters, sort and keyset
 * paging, quick search, guards and all-or-nothing writes. Each database runs it through a subclass.
 */
@Import(RecordsTestConfiguration.class)
@RecordApplicationEvents
abstract class RecordsContract {

    private static final AtomicInteger FORMS = new AtomicInteger();

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
    @Autowired
    RecordServices services;
    @Autowired
    PlatformTransactionManager transactions;

    Actor system = Actor.system("test-import");
    Actor admin;
    Actor manager;
    Actor staff;
    Actor otherStaff;

    @BeforeEach
    void actors() {
        if (accounts.findByUsername("staff2").isEmpty()) {
            accounts.create("staff2", "赵敏 Zhao Min", "staff2-Test-pw-1", Set.of(Role.STAFF));
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        otherStaff = Actor.of(accounts.findByUsername("staff2").orElseThrow());
    }

    @AfterEach
    void resetHooks() {
        RecordsTestConfiguration.REFUSED_FORM.set(null);
        RecordsTestConfiguration.FAILING_LISTENER_FORM.set(null);
    }

    // ---------------------------------------------------------------- forms used by the tests

    private static String newFormId(String stem) {
        return stem + FORMS.incrementAndGet();
    }

    private static FormDefinition form(String id, String ownerField, List<FieldDefinition> fields) {
        return new FormDefinition(id, null, null, null, 0, "name", ownerField, fields, null, null, null);
    }

    /** A form with a field of every type, a subtable form and a referenced form. */
    private FormDefinition everyTypeForm() {
        String contact = catalog.publish(form(newFormId("contact"), null, List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("phone", PHONE).build()))).id();
        String group = catalog.publish(form(newFormId("group"), null, List.of(
                TestField.of("name", TEXT).build()))).id();
        return catalog.publish(form(newFormId("every"), "owner", List.of(
                TestField.of("name", TEXT).required().maxLength(120).searchable().build(),
                TestField.of("notes", TEXTAREA).build(),
                TestField.of("employees", INTEGER).range("0", null).build(),
                TestField.of("score", DECIMAL).scale(2).build(),
                TestField.of("revenue", MONEY).build(),
                TestField.of("share", PERCENT).build(),
                TestField.of("founded", DATE).build(),
                TestField.of("last_contact", DATETIME).build(),
                TestField.of("active", BOOLEAN).defaultValue(true).build(),
                TestField.of("level", SELECT).options("KEY", "NORMAL", "POTENTIAL").build(),
                TestField.of("tags", MULTISELECT).options("VIP", "EXPORT", "NEW").build(),
                TestField.of("email", EMAIL).build(),
                TestField.of("phone", PHONE).unique().searchable().build(),
                TestField.of("website", URL).build(),
                TestField.of("stars", RATING).build(),
                TestField.of("owner", USER).build(),
                TestField.of("grp", REFERENCE).form(group).build(),
                TestField.of("contacts", SUBTABLE).form(contact).build(),
                TestField.of("total", COMPUTED).resultType(DECIMAL).build())));
    }

    /** The customer form of the permission tests: owned by a user, a manager-only note, a read-only level. */
    private FormDefinition customerForm() {
        return catalog.publish(form(newFormId("cust"), "owner", List.of(
                TestField.of("name", TEXT).required().searchable().build(),
                TestField.of("owner", USER).build(),
                TestField.of("level", SELECT).options("KEY", "NORMAL").readOnly().build(),
                TestField.of("vip_note", TEXTAREA).readableBy(Role.MANAGER).build())));
    }

    private long groupId(FormDefinition every) {
        String group = every.field("grp").orElseThrow().form();
        return records.create(system, group, Map.of("name", "华东区")).id();
    }

    // ---------------------------------------------------------------- round trips and conversion

    @Test
    void everyFieldTypeRoundTripsFromText() {
        FormDefinition form = everyTypeForm();
        long group = groupId(form);
        Map<String, Object> input = new HashMap<>();
        input.put("name", " 上海远航贸易有限公司 ");
        input.put("notes", "第一行\n第二行");
        input.put("employees", "1,200");
        input.put("score", "87.5");
        input.put("revenue", "CNY 1234567.89");
        input.put("share", "12.5%");
        input.put("founded", "2026年11月23日");
        input.put("last_contact", "2026-11-23T10:15:30+08:00");
        input.put("level", "KEY-中");
        input.put("tags", "NEW, VIP");
        input.put("email", "li.qiang@example.com.cn");
        input.put("phone", "138 0013 8000");
        input.put("website", "https://example.com/客户");
        input.put("stars", "4");
        input.put("owner", String.valueOf(staff.userId()));
        input.put("grp", group);

        Record created = records.create(system, form.id(), input);

        Record read = records.get(admin, form.id(), created.id()).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.rowVersion()).isZero();
        assertThat(read.get("name")).isEqualTo("上海远航贸易有限公司");
        assertThat(read.get("notes")).isEqualTo("第一行\n第二行");
        assertThat(read.get("employees")).isEqualTo(1200L);
        assertThat(read.get("score")).isEqualTo(new BigDecimal("87.50"));
        assertThat(read.get("revenue")).isEqualTo(Money.of("1234567.89", "CNY"));
        assertThat(read.get("share")).isEqualTo(new BigDecimal("12.5000"));
        assertThat(read.get("founded")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read.get("last_contact")).isEqualTo(OffsetDateTime.of(2026, 11, 23, 2, 15, 30, 0, ZoneOffset.UTC));
        assertThat(read.get("active")).isEqualTo(true);
        assertThat(read.get("level")).isEqualTo("KEY");
        assertThat(read.get("tags")).isEqualTo(List.of("VIP", "NEW"));
        assertThat(read.get("email")).isEqualTo("li.qiang@example.com.cn");
        assertThat(read.get("phone")).isEqualTo("138 0013 8000");
        assertThat(read.get("website")).isEqualTo("https://example.com/客户");
        assertThat(read.get("stars")).isEqualTo(4);
        assertThat(read.get("owner")).isEqualTo(staff.userId());
        assertThat(read.get("grp")).isEqualTo(group);
        assertThat(read.get("total")).isEqualTo(new BigDecimal("105000.00"));
        assertThat(read.values().has("contacts")).isFalse();
        assertThat(read.createdBy()).isNull();
        assertThat(read.createdAt()).isNotNull();

        Map<String, Object> changes = new HashMap<>();
        changes.put("employees", 10L);
        changes.put("revenue", Money.of("99.5", "USD"));
        changes.put("tags", List.of("EXPORT"));
        changes.put("active", "否");
        changes.put("founded", null);
        changes.put("stars", 5);
        Record updated = records.update(admin, form.id(), created.id(), 0, changes);
        assertThat(updated.rowVersion()).isEqualTo(1);
        assertThat(updated.get("employees")).isEqualTo(10L);
        assertThat(updated.get("revenue")).isEqualTo(Money.of("99.50", "USD"));
        assertThat(updated.get("tags")).isEqualTo(List.of("EXPORT"));
        assertThat(updated.get("active")).isEqualTo(false);
        assertThat(updated.get("founded")).isNull();
        assertThat(updated.get("total")).isEqualTo(new BigDecimal("875.00"));
        assertThat(updated.updatedBy()).isEqualTo(admin.userId());
        assertThat(records.get(admin, form.id(), created.id())).contains(updated);
        assertThat(events.stream(RecordEvents.Saved.class).filter(e -> e.formId().equals(form.id())))
                .extracting(RecordEvents.Saved::changedFields)
                .last().asInstanceOf(InstanceOfAssertFactories.ITERABLE)
                .containsExactlyInAnyOrder("employees", "revenue", "tags", "active", "founded", "stars", "total");

        String contactForm = form.field("contacts").orElseThrow().form();
        Record contact = records.createChild(admin, form.id(), created.id(), "contacts",
                Map.of("name", "王经理", "phone", "021-66668888"));
        records.createChild(admin, form.id(), created.id(), "contacts", Map.of("name", "陈助理"));
        assertThat(contact.parentId()).isEqualTo(created.id());
        assertThat(contact.formId()).isEqualTo(contactForm);
        assertThat(records.subtableRows(admin, form.id(), created.id(), "contacts"))
                .extracting(r -> r.get("name")).containsExactly("王经理", "陈助理");
    }

    @Test
    void wrongValuesAreAllReportedAndNothingIsWritten() {
        FormDefinition form = everyTypeForm();
        Map<String, Object> input = new HashMap<>();
        input.put("phone", "12345");
        input.put("email", "not-an-email");
        input.put("employees", "-3");
        input.put("stars", "6");
        input.put("grp", 999_999L);
        input.put("nonsense", "x");

        assertThatThrownBy(() -> records.create(system, form.id(), input))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::fieldId, FieldError::code)
                        .containsExactlyInAnyOrder(
                                tuple("nonsense", "unknown_field"),
                                tuple("phone", "phone"),
                                tuple("email", "email"),
                                tuple("stars", "rating"),
                                tuple("name", "required"),
                                tuple("employees", "too_small"),
                                tuple("grp", "reference_missing")));
        assertThat(rowCount(form)).isZero();
        assertThat(auditCount(form)).isZero();
    }

    @Test
    void uniqueFieldsAndRulesRefuseTheSave() {
        FormDefinition form = everyTypeForm();
        records.create(system, form.id(), Map.of("name", "甲", "phone", "13800138000"));
        assertThatThrownBy(() -> records.create(system, form.id(), Map.of("name", "乙", "phone", "13800138000")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactly("unique"));
        assertThatThrownBy(() -> records.create(system, form.id(), Map.of("name", "FORBIDDEN")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactly("rule"));
        assertThat(rowCount(form)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- optimistic locking, delete, audit

    @Test
    void aStaleUpdateIsRefusedAndTheFirstOneKept() {
        FormDefinition form = customerForm();
        Record r = records.create(manager, form.id(), Map.of("name", "原名", "owner", staff.userId()));

        records.update(staff, form.id(), r.id(), 0, Map.of("name", "李强改的"));

        assertThatThrownBy(() -> records.update(manager, form.id(), r.id(), 0, Map.of("name", "王芳改的")))
                .isInstanceOfSatisfying(RecordConflictException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(1);
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.lastSavedBy()).isEqualTo(staff.userId());
                    assertThat(e.lastSavedByName()).isEqualTo("staff");
                });
        Record now = records.get(manager, form.id(), r.id()).orElseThrow();
        assertThat(now.get("name")).isEqualTo("李强改的");
        assertThat(now.rowVersion()).isEqualTo(1);
        assertThatThrownBy(() -> records.delete(manager, form.id(), r.id(), 0))
                .isInstanceOf(RecordConflictException.class);
    }

    @Test
    void deletedRecordsDisappearAndCanBeRestored() {
        FormDefinition form = customerForm();
        Record r = records.create(manager, form.id(), Map.of("name", "将删除", "owner", manager.userId()));

        records.delete(manager, form.id(), r.id(), 0);

        assertThat(records.get(manager, form.id(), r.id())).isEmpty();
        assertThat(records.query(manager, RecordQuery.of(form.id()))).isEmpty();
        assertThat(records.query(admin, RecordQuery.of(form.id()).includeDeleted(true)))
                .singleElement().satisfies(d -> {
                    assertThat(d.deleted()).isTrue();
                    assertThat(d.deletedBy()).isEqualTo(manager.userId());
                    assertThat(d.rowVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> records.query(manager, RecordQuery.of(form.id()).includeDeleted(true)))
                .isInstanceOf(RecordAccessDeniedException.class);
        assertThatThrownBy(() -> records.update(manager, form.id(), r.id(), 1, Map.of("name", "x")))
                .isInstanceOf(RecordNotFoundException.class);

        assertThatThrownBy(() -> records.restore(manager, form.id(), r.id(), 1))
                .as("only administrators restore").isInstanceOf(RecordAccessDeniedException.class);
        Record restored = records.restore(admin, form.id(), r.id(), 1);

        assertThat(restored.deleted()).isFalse();
        assertThat(restored.rowVersion()).isEqualTo(2);
        assertThat(restored.get("name")).isEqualTo("将删除");
        assertThat(records.get(manager, form.id(), r.id())).isPresent();
        assertThat(records.history(admin, form.id(), r.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.CREATE, AuditAction.DELETE, AuditAction.RESTORE);
        assertThat(events.stream(RecordEvents.Deleted.class).filter(e -> e.formId().equals(form.id()))).hasSize(1);
    }

    @Test
    void theAuditTrailKeepsOldAndNewValuesPerChangedField() {
        FormDefinition form = everyTypeForm();
        Record r = records.create(system, form.id(), Map.of("name", "旧名称", "revenue", "100", "tags", "VIP"));

        records.update(admin, form.id(), r.id(), 0,
                Map.of("name", "新名称", "revenue", "250.5", "tags", List.of("VIP", "NEW"), "email", ""));

        List<AuditEntry> history = records.history(admin, form.id(), r.id());
        assertThat(history).filteredOn(e -> e.action() == AuditAction.CREATE)
                .extracting(AuditEntry::fieldId, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::changedByName)
                .contains(tuple("name", null, "旧名称", "test-import"),
                        tuple("revenue", null, "100.00 CNY", "test-import"));
        assertThat(history).filteredOn(e -> e.action() == AuditAction.UPDATE)
                .extracting(AuditEntry::fieldId, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::changedBy)
                .containsExactlyInAnyOrder(
                        tuple("name", "旧名称", "新名称", admin.userId()),
                        tuple("revenue", "100.00 CNY", "250.50 CNY", admin.userId()),
                        tuple("tags", "VIP", "VIP,NEW", admin.userId()));
        assertThat(history).allSatisfy(e -> assertThat(e.changedAt()).isNotNull());

        Record same = records.update(admin, form.id(), r.id(), 1, Map.of("name", "新名称"));
        assertThat(same.rowVersion()).isEqualTo(1);
        assertThat(records.history(admin, form.id(), r.id())).hasSameSizeAs(history);
    }

    @Test
    void theLatestChangesAcrossFormsComeNewestFirstAndOnlyForAdministrators() {
        FormDefinition form = everyTypeForm();
        Record r = records.create(system, form.id(), Map.of("name", "最新修改"));
        records.update(admin, form.id(), r.id(), 0, Map.of("name", "最新修改 2"));

        List<AuditEntry> latest = records.recentChanges(admin, 5);
        assertThat(latest).hasSizeLessThanOrEqualTo(5).isNotEmpty();
        assertThat(latest.getFirst()).extracting(AuditEntry::formId, AuditEntry::recordId, AuditEntry::action,
                AuditEntry::fieldId, AuditEntry::newValue, AuditEntry::changedBy)
                .containsExactly(form.id(), r.id(), AuditAction.UPDATE, "name", "最新修改 2", admin.userId());
        assertThat(latest).extracting(AuditEntry::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThatThrownBy(() -> records.recentChanges(manager, 5)).as("every form and owner: administrators only")
                .isInstanceOf(RecordAccessDeniedException.class);
    }

    // ---------------------------------------------------------------- permissions and ownership

    @Test
    void subtableRowsAreReadOnlyThroughAParentTheActorMaySee() {
        FormDefinition form = everyTypeForm();
        Record own = records.create(staff, form.id(), Map.of("name", "李强的客户"));
        Record others = records.create(manager, form.id(), Map.of("name", "赵敏的客户", "owner", otherStaff.userId()));
        Record empty = records.create(staff, form.id(), Map.of("name", "没有联系人"));
        records.createChild(staff, form.id(), own.id(), "contacts", Map.of("name", "王经理"));
        records.createChild(manager, form.id(), others.id(), "contacts", Map.of("name", "陈助理"));

        assertThat(records.subtableRows(staff, form.id(), own.id(), "contacts")).extracting(r -> r.get("name"))
                .containsExactly("王经理");
        assertThat(records.subtableRows(staff, form.id(), empty.id(), "contacts")).isEmpty();
        assertThatThrownBy(() -> records.subtableRows(staff, form.id(), others.id(), "contacts"))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> records.subtableRows(staff, form.id(), Long.MAX_VALUE, "contacts"))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.subtableRows(manager, form.id(), others.id(), "contacts")).hasSize(1);

        // A deleted parent hides its rows, which stay in the table, from everyone.
        records.delete(manager, form.id(), others.id(),
                records.get(manager, form.id(), others.id()).orElseThrow().rowVersion());
        assertThatThrownBy(() -> records.subtableRows(admin, form.id(), others.id(), "contacts"))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void staffSeeAndChangeOnlyTheirOwnCustomers() {
        FormDefinition form = customerForm();
        Record own = records.create(staff, form.id(), Map.of("name", "李强的客户"));
        Record others = records.create(manager, form.id(),
                Map.of("name", "赵敏的客户", "owner", otherStaff.userId(), "vip_note", "重点跟进"));

        assertThat(own.get("owner")).isEqualTo(staff.userId());
        assertThat(records.get(staff, form.id(), others.id())).isEmpty();
        assertThat(records.get(staff, form.id(), own.id())).isPresent();
        assertThat(records.query(staff, RecordQuery.of(form.id()))).extracting(Record::id).containsExactly(own.id());
        assertThat(records.query(staff, RecordQuery.of(form.id()).search("客户"))).extracting(Record::id)
                .containsExactly(own.id());
        assertThat(records.query(otherStaff, RecordQuery.of(form.id()))).extracting(Record::id)
                .containsExactly(others.id());
        assertThat(records.query(manager, RecordQuery.of(form.id()))).extracting(Record::id)
                .containsExactly(own.id(), others.id());
        assertThat(records.query(admin, RecordQuery.of(form.id()))).hasSize(2);

        assertThatThrownBy(() -> records.update(staff, form.id(), others.id(), 0, Map.of("name", "抢来的")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> records.delete(staff, form.id(), others.id(), 0))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> records.history(staff, form.id(), others.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> records.create(staff, form.id(), Map.of("name", "x", "owner", otherStaff.userId())))
                .isInstanceOfSatisfying(RecordAccessDeniedException.class,
                        e -> assertThat(e.fieldId()).isEqualTo("owner"));
        assertThat(records.get(manager, form.id(), others.id()).orElseThrow().get("name")).isEqualTo("赵敏的客户");
    }

    @Test
    void staffSeePurchasesAndContactsOfTheirOwnCustomersOnly() {
        FormDefinition contacts = catalog.publish(form(newFormId("pcontact"), null, List.of(
                TestField.of("name", TEXT).required().build())));
        FormDefinition customers = catalog.publish(form(newFormId("pcust"), "owner", List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("owner", USER).build(),
                TestField.of("contacts", SUBTABLE).form(contacts.id()).build())));
        FormDefinition purchases = catalog.publish(form(newFormId("ppurchase"), "customer", List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("customer", REFERENCE).form(customers.id()).build())));
        Record mine = records.create(staff, customers.id(), Map.of("name", "李强的客户"));
        Record theirs = records.create(otherStaff, customers.id(), Map.of("name", "赵敏的客户"));
        Record myPurchase = records.create(staff, purchases.id(), Map.of("name", "门锁", "customer", mine.id()));
        Record theirPurchase = records.create(manager, purchases.id(),
                Map.of("name", "净水器", "customer", theirs.id()));
        Record myContact = records.createChild(staff, customers.id(), mine.id(), "contacts", Map.of("name", "王工"));
        records.createChild(manager, customers.id(), theirs.id(), "contacts", Map.of("name", "陈总"));

        assertThat(records.query(staff, RecordQuery.of(purchases.id()))).extracting(Record::id)
                .containsExactly(myPurchase.id());
        assertThat(records.get(staff, purchases.id(), theirPurchase.id())).isEmpty();
        assertThat(records.query(staff, RecordQuery.of(contacts.id()))).extracting(Record::id)
                .containsExactly(myContact.id());
        assertThat(records.query(manager, RecordQuery.of(purchases.id()))).hasSize(2);
        assertThat(records.query(manager, RecordQuery.of(contacts.id()))).hasSize(2);
        assertThatThrownBy(() -> records.create(staff, purchases.id(), Map.of("name", "x", "customer", theirs.id())))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::fieldId).containsExactly("customer"));
        assertThatThrownBy(() -> records.update(staff, purchases.id(), theirPurchase.id(), 0, Map.of("name", "y")))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void theHistoryIsReadInPagesNewestFirstWithoutHiddenFields() {
        FormDefinition form = customerForm();
        Record r = records.create(manager, form.id(),
                Map.of("name", "某公司", "owner", staff.userId(), "vip_note", "只给经理看"));
        for (int v = 0; v < 3; v++) {
            records.update(manager, form.id(), r.id(), v, Map.of("vip_note", "备注" + v));
        }
        records.update(manager, form.id(), r.id(), 3, Map.of("name", "改名公司"));
        // The history panel's pages: newest first, and hidden fields do not leave holes in a page.
        assertThat(records.history(staff, form.id(), r.id(), 0, 1)).extracting(AuditEntry::fieldId,
                AuditEntry::newValue).containsExactly(tuple("name", "改名公司"));
        List<AuditEntry> staffPages = new ArrayList<>();
        for (List<AuditEntry> page = records.history(staff, form.id(), r.id(), 0, 2); !page.isEmpty();
             page = records.history(staff, form.id(), r.id(), staffPages.size(), 2)) {
            staffPages.addAll(page);
        }
        assertThat(staffPages).extracting(AuditEntry::fieldId).doesNotContain("vip_note").hasSize(
                records.history(staff, form.id(), r.id()).size());
        assertThat(staffPages).extracting(AuditEntry::id).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(records.history(manager, form.id(), r.id(), 0, 3)).extracting(AuditEntry::newValue)
                .containsExactly("改名公司", "备注2", "备注1");
    }

    @Test
    void fieldsAreHiddenAndGuardedPerRole() {
        FormDefinition form = customerForm();
        Record r = records.create(manager, form.id(),
                Map.of("name", "某公司", "owner", staff.userId(), "vip_note", "只给经理看"));

        Record asStaff = records.get(staff, form.id(), r.id()).orElseThrow();
        assertThat(asStaff.values().has("vip_note")).isFalse();
        assertThat(asStaff.values().asMap()).containsKeys("name", "owner", "level");
        assertThat(records.query(staff, RecordQuery.of(form.id())).get(0).values().has("vip_note")).isFalse();
        assertThat(records.get(manager, form.id(), r.id()).orElseThrow().get("vip_note")).isEqualTo("只给经理看");
        assertThat(records.history(staff, form.id(), r.id())).extracting(AuditEntry::fieldId)
                .doesNotContain("vip_note");

        assertThatThrownBy(() -> records.update(staff, form.id(), r.id(), 0, Map.of("vip_note", "改一下")))
                .isInstanceOfSatisfying(RecordAccessDeniedException.class, e -> {
                    assertThat(e.fieldId()).isEqualTo("vip_note");
                    assertThat(e.getMessage()).contains("vip_note");
                });
        assertThatThrownBy(() -> records.update(staff, form.id(), r.id(), 0, Map.of("level", "KEY")))
                .isInstanceOfSatisfying(RecordAccessDeniedException.class,
                        e -> assertThat(e.getMessage()).contains("level").contains("read-only"));
        assertThatThrownBy(() -> records.query(staff, RecordQuery.of(form.id())
                .where(Filter.of("vip_note", Operator.IS_NOT_EMPTY))))
                .isInstanceOf(RecordAccessDeniedException.class);

        Record sentBack = records.update(staff, form.id(), r.id(), 0, Map.of("name", "某公司（新）", "level", ""));
        assertThat(sentBack.get("name")).isEqualTo("某公司（新）");
        Record bySystem = records.update(system, form.id(), r.id(), 1, Map.of("level", "KEY"));
        assertThat(bySystem.get("level")).isEqualTo("KEY");
        assertThat(records.get(manager, form.id(), r.id()).orElseThrow().get("vip_note")).isEqualTo("只给经理看");
    }

    /**
     * Rules see the whole record (the test rules compute {@code total} from the manager-only employees and score),
     * but a staff save shows staff none of the hidden inputs nor the hidden result: not in the record returned, not
     * in the history, not in a refusal.
     */
    @Test
    void aStaffSaveShowsNoHiddenValueThatRulesUsed() {
        FormDefinition form = catalog.publish(form(newFormId("hid"), "owner", List.of(
                TestField.of("name", TEXT).required().build(),
                TestField.of("owner", USER).build(),
                TestField.of("employees", INTEGER).readableBy(Role.MANAGER).build(),
                TestField.of("score", DECIMAL).scale(2).readableBy(Role.MANAGER).build(),
                TestField.of("total", COMPUTED).resultType(DECIMAL).readableBy(Role.MANAGER).build())));
        Record r = records.create(manager, form.id(), Map.of("name", "某公司", "owner", staff.userId(),
                "employees", 4321, "score", "7.77"));
        assertThat((BigDecimal) r.get("total")).isEqualByComparingTo("33574.17");

        Record saved = records.update(staff, form.id(), r.id(), 0, Map.of("name", "某公司（新）"));
        assertThat(saved.values().asMap()).containsOnlyKeys("name", "owner");
        Record created = records.create(staff, form.id(), Map.of("name", "新公司"));
        assertThat(created.values().asMap()).containsOnlyKeys("name", "owner");
        assertThat(records.history(staff, form.id(), r.id())).extracting(AuditEntry::fieldId)
                .doesNotContain("employees", "score", "total");
        assertThat(records.history(staff, form.id(), r.id()).toString()).doesNotContain("4321", "33574");
        assertThatThrownBy(() -> records.update(staff, form.id(), r.id(), 1, Map.of("name", "FORBIDDEN")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors().toString()
                        + e.getMessage()).doesNotContain("4321", "7.77", "33574"));
        // The hidden values are kept as they were: the rules saw them, nothing wrote over them.
        Record asManager = records.get(manager, form.id(), r.id()).orElseThrow();
        assertThat(asManager.get("employees")).isEqualTo(4321L);
        assertThat((BigDecimal) asManager.get("total")).isEqualByComparingTo("33574.17");
    }

    // ---------------------------------------------------------------- queries

    /** 300 generated companies: employees null every 7th, level cycles, tags on every 3rd, names with an index. */
    private FormDefinition companies(List<Record> created) {
        FormDefinition form = catalog.publish(form(newFormId("co"), "owner", List.of(
                TestField.of("name", TEXT).searchable().build(),
                TestField.of("phone", PHONE).searchable().build(),
                TestField.of("employees", INTEGER).build(),
                TestField.of("revenue", MONEY).build(),
                TestField.of("founded", DATE).build(),
                TestField.of("level", SELECT).options("KEY", "NORMAL", "POTENTIAL").searchable().build(),
                TestField.of("tags", MULTISELECT).options("VIP", "EXPORT", "NEW").build(),
                TestField.of("owner", USER).build())));
        String[] levels = {"KEY", "NORMAL", "POTENTIAL"};
        for (int i = 0; i < 300; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put("name", (i % 2 == 0 ? "Alpha " : "beta ") + "公司 " + i);
            values.put("phone", "1380013" + String.format("%04d", i));
            values.put("employees", i % 7 == 0 ? null : (long) (i * 37 % 101));
            values.put("revenue", BigDecimal.valueOf(i * 10L));
            values.put("founded", LocalDate.of(2000, 1, 1).plusDays(i));
            values.put("level", levels[i % 3]);
            values.put("tags", i % 3 == 0 ? List.of(i % 2 == 0 ? "VIP" : "EXPORT") : List.of());
            values.put("owner", i % 4 == 0 ? staff.userId() : manager.userId());
            created.add(records.create(system, form.id(), values));
        }
        return form;
    }

    private List<Long> ids(Actor actor, RecordQuery query) {
        return records.query(actor, query.limit(RecordQuery.MAX_LIMIT)).stream().map(Record::id).toList();
    }

    private static List<Long> expected(List<Record> all, Predicate<Record> filter) {
        return all.stream().filter(filter).map(Record::id).toList();
    }

    @Test
    void queriesFilterSortAndPage() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        RecordQuery q = RecordQuery.of(form.id());

        assertThat(ids(admin, q.where(Filter.of("level", Operator.EQUALS, "KEY"))))
                .isEqualTo(expected(all, r -> "KEY".equals(r.get("level"))));
        assertThat(ids(admin, q.where(Filter.of("level", Operator.NOT_EQUALS, "KEY"))))
                .isEqualTo(expected(all, r -> !"KEY".equals(r.get("level"))));
        assertThat(ids(admin, q.where(Filter.of("name", Operator.CONTAINS, "ALPHA 公司 1"))))
                .isEqualTo(expected(all, r -> r.get("name").toString().startsWith("Alpha 公司 1")));
        assertThat(ids(admin, q.where(Filter.of("name", Operator.STARTS_WITH, "BETA"))))
                .isEqualTo(expected(all, r -> r.get("name").toString().startsWith("beta")));
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.GREATER, "90"))))
                .isEqualTo(expected(all, r -> r.get("employees") != null && (Long) r.get("employees") > 90));
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.LESS_OR_EQUAL, 5))))
                .isEqualTo(expected(all, r -> r.get("employees") != null && (Long) r.get("employees") <= 5));
        assertThat(ids(admin, q.where(Filter.of("revenue", Operator.GREATER_OR_EQUAL, "2950"))
                .where(Filter.of("revenue", Operator.LESS, new BigDecimal("2980")))))
                .isEqualTo(expected(all, r -> r.id() == all.get(295).id() || r.id() == all.get(296).id()
                        || r.id() == all.get(297).id()));
        assertThat(ids(admin, q.where(Filter.of("founded", Operator.BETWEEN, "2000-01-11", "2000-01-20"))))
                .isEqualTo(all.subList(10, 20).stream().map(Record::id).toList());
        assertThat(ids(admin, q.where(Filter.of("level", Operator.IN, "KEY", "NORMAL-en"))))
                .isEqualTo(expected(all, r -> !"POTENTIAL".equals(r.get("level"))));
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.IS_EMPTY))))
                .isEqualTo(expected(all, r -> r.get("employees") == null));
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.IS_NOT_EMPTY))))
                .isEqualTo(expected(all, r -> r.get("employees") != null));
        assertThat(ids(admin, q.where(Filter.of("tags", Operator.CONTAINS_ANY, "VIP", "NEW"))))
                .isEqualTo(expected(all, r -> r.values().list("tags").contains("VIP")));
        assertThat(ids(admin, q.where(Filter.of("tags", Operator.IS_EMPTY))))
                .isEqualTo(expected(all, r -> r.values().list("tags").isEmpty()));
        assertThat(ids(staff, q.where(Filter.of("tags", Operator.IS_NOT_EMPTY))))
                .isEqualTo(expected(all, r -> !r.values().list("tags").isEmpty()
                        && Objects.equals(r.get("owner"), staff.userId())));

        Comparator<Record> byEmployeesDesc = Comparator.comparing(
                (Record r) -> (Long) r.get("employees"), Comparator.nullsFirst(Comparator.<Long>reverseOrder()))
                .thenComparing(Record::id);
        assertThat(ids(admin, q.sortBy(Sort.desc("employees"))))
                .isEqualTo(all.stream().sorted(byEmployeesDesc).map(Record::id).toList());
        Comparator<Record> byEmployeesAsc = Comparator.comparing(
                (Record r) -> (Long) r.get("employees"), Comparator.nullsLast(Comparator.<Long>naturalOrder()))
                .thenComparing(Record::id);
        assertThat(ids(admin, q.sortBy(Sort.asc("employees"))))
                .isEqualTo(all.stream().sorted(byEmployeesAsc).map(Record::id).toList());

        assertThatThrownBy(() -> records.query(admin, q.where(Filter.of("nope", Operator.EQUALS, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.query(admin, q.where(Filter.of("founded", Operator.EQUALS, "soon"))))
                .isInstanceOf(RecordValidationException.class);
    }

    @Test
    void aQueryOfAnEarlierShapeGetsItsOwnValuesInTheKeptSql() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        RecordQuery q = RecordQuery.of(form.id()).sortBy(Sort.desc("founded"));
        long reusedBefore = services.renderedQueries().reused();

        // Each shape twice or more with other values: the second statement sends the SQL kept from the first.
        for (String level : List.of("KEY", "NORMAL", "POTENTIAL")) {
            for (int low : List.of(0, 40, 90)) {
                RecordQuery filtered = q.where(Filter.of("level", Operator.EQUALS, level))
                        .where(Filter.of("employees", Operator.BETWEEN, low, low + 30));
                assertThat(ids(admin, filtered)).as("%s, %d..%d", level, low, low + 30).isEqualTo(
                        expectedNewestFirst(all, r -> level.equals(r.get("level")) && r.get("employees") != null
                                && (Long) r.get("employees") >= low && (Long) r.get("employees") <= low + 30));
                assertThat(ids(staff, filtered)).isEqualTo(expectedNewestFirst(all, r -> level.equals(r.get("level"))
                        && r.get("employees") != null && (Long) r.get("employees") >= low
                        && (Long) r.get("employees") <= low + 30 && Objects.equals(r.get("owner"), staff.userId())));
            }
        }
        for (String text : List.of("公司 1", "ALPHA 公司 2", "beta 公司 29")) {
            assertThat(ids(admin, q.where(Filter.of("name", Operator.CONTAINS, text)))).isEqualTo(expectedNewestFirst(
                    all, r -> r.get("name").toString().toLowerCase(Locale.ROOT)
                            .contains(text.toLowerCase(Locale.ROOT))));
        }
        for (List<Object> levels : List.of(List.<Object>of("KEY", "NORMAL"), List.<Object>of("POTENTIAL", "KEY"))) {
            assertThat(ids(admin, q.where(new Filter("level", Operator.IN, levels)))).isEqualTo(
                    expectedNewestFirst(all, r -> levels.contains(r.get("level"))));
        }
        // An empty value is another shape ("is null"), not a value bound into the kept "= ?".
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.EQUALS, 37L)))).isEqualTo(
                expectedNewestFirst(all, r -> Long.valueOf(37).equals(r.get("employees"))));
        assertThat(ids(admin, q.where(new Filter("employees", Operator.EQUALS, java.util.Collections.singletonList(
                null))))).isEqualTo(expectedNewestFirst(all, r -> r.get("employees") == null));
        assertThat(ids(admin, q.where(Filter.of("employees", Operator.EQUALS, 74L)))).isEqualTo(
                expectedNewestFirst(all, r -> Long.valueOf(74).equals(r.get("employees"))));
        for (Record r : List.of(all.get(4), all.get(8), all.get(5))) {
            assertThat(records.get(staff, form.id(), r.id()).isPresent())
                    .isEqualTo(Objects.equals(r.get("owner"), staff.userId()));
        }

        assertThat(services.renderedQueries().reused() - reusedBefore).isGreaterThanOrEqualTo(20);
    }

    @Test
    void keptSqlSentOverJdbcBindsDatesAndMoneyAndReadsInsideTheCallersTransaction() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        RecordQuery q = RecordQuery.of(form.id()).sortBy(Sort.desc("founded"));
        long reusedBefore = services.renderedQueries().reused();

        // Dates and money as bound values of statements sent with kept SQL (the second call of each shape).
        for (int from : List.of(0, 100, 200, 250)) {
            LocalDate low = LocalDate.of(2000, 1, 1).plusDays(from);
            RecordQuery byDate = q.where(Filter.of("founded", Operator.BETWEEN, low, low.plusDays(20)))
                    .where(Filter.of("revenue", Operator.GREATER_OR_EQUAL, new BigDecimal("500.00")));
            assertThat(ids(admin, byDate)).as("from day %d", from).isEqualTo(expectedNewestFirst(all, r -> {
                LocalDate d = (LocalDate) r.get("founded");
                return !d.isBefore(low) && !d.isAfter(low.plusDays(20))
                        && ((Money) r.get("revenue")).amount().compareTo(new BigDecimal("500.00")) >= 0;
            }));
        }
        assertThat(services.renderedQueries().reused() - reusedBefore).isGreaterThanOrEqualTo(3);

        // A read sent around jOOQ runs on the transaction's connection: it sees the transaction's own row, and
        // nothing of it once the transaction rolled back.
        RecordQuery named = q.where(Filter.of("level", Operator.EQUALS, "KEY"));
        ids(admin, named);
        long[] inside = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            inside[0] = records.create(system, form.id(), Map.of("name", "事务内公司", "level", "KEY",
                    "founded", LocalDate.of(2030, 1, 1), "revenue", BigDecimal.ONE, "owner", manager.userId())).id();
            assertThat(ids(admin, named)).startsWith(inside[0]);
            status.setRollbackOnly();
        });
        assertThat(ids(admin, named)).doesNotContain(inside[0]).isEqualTo(
                expectedNewestFirst(all, r -> "KEY".equals(r.get("level"))));
    }

    private static List<Long> expectedNewestFirst(List<Record> all, Predicate<Record> filter) {
        return all.stream().filter(filter)
                .sorted(Comparator.comparing((Record r) -> (LocalDate) r.get("founded")).reversed()
                        .thenComparing(Record::id))
                .map(Record::id).toList();
    }

    @Test
    void keysetPagingMatchesOffsetPagingForAnySortIncludingEmptyValues() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        List<RecordQuery> sorts = List.of(
                RecordQuery.of(form.id()).sortBy(Sort.asc("employees")),
                RecordQuery.of(form.id()).sortBy(Sort.desc("employees"), Sort.asc("level")),
                RecordQuery.of(form.id()).sortBy(Sort.asc("name")),
                RecordQuery.of(form.id()).sortBy(Sort.desc("revenue")),
                RecordQuery.of(form.id()).sortBy(Sort.desc(FormTables.CREATED_AT)),
                RecordQuery.of(form.id()).sortBy(Sort.asc("level"), Sort.desc("founded")));
        for (RecordQuery sorted : sorts) {
            List<Long> byOffset = ids(admin, sorted);
            assertThat(byOffset).hasSize(300);

            List<Long> byKeyset = new ArrayList<>();
            List<Long> pagedByOffset = new ArrayList<>();
            RecordQuery page = sorted.limit(37);
            for (int offset = 0; offset < 300; offset += 37) {
                List<Record> rows = records.query(admin, page);
                rows.forEach(r -> byKeyset.add(r.id()));
                if (!rows.isEmpty()) {
                    page = page.after(rows.get(rows.size() - 1));
                }
                records.query(admin, sorted.page(offset, 37)).forEach(r -> pagedByOffset.add(r.id()));
            }
            assertThat(byKeyset).as("keyset pages of %s", sorted.sorts()).isEqualTo(byOffset);
            assertThat(pagedByOffset).as("offset pages of %s", sorted.sorts()).isEqualTo(byOffset);
            assertThat(new HashSet<>(byKeyset)).hasSize(300);
        }

        List<Long> staffKeyset = new ArrayList<>();
        RecordQuery staffPage = RecordQuery.of(form.id()).sortBy(Sort.asc("employees")).limit(10);
        for (int i = 0; i < 10; i++) {
            List<Record> rows = records.query(staff, staffPage);
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(r -> staffKeyset.add(r.id()));
            staffPage = staffPage.after(rows.get(rows.size() - 1));
        }
        assertThat(staffKeyset).containsExactlyInAnyOrderElementsOf(
                expected(all, r -> Objects.equals(r.get("owner"), staff.userId())));
    }

    @Test
    void quickSearchLooksIntoSearchableFieldsCaseInsensitively() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        RecordQuery q = RecordQuery.of(form.id());

        assertThat(ids(admin, q.search("alpha 公司 29"))).isEqualTo(
                expected(all, r -> r.get("name").toString().startsWith("Alpha 公司 29")));
        assertThat(ids(admin, q.search("13800130042"))).containsExactly(all.get(42).id());
        assertThat(ids(admin, q.search("potential-EN"))).isEqualTo(
                expected(all, r -> "POTENTIAL".equals(r.get("level"))));
        assertThat(ids(admin, q.search("没有这个"))).isEmpty();
        assertThat(ids(admin, q.search("BETA").where(Filter.of("level", Operator.EQUALS, "KEY")))).isEqualTo(
                expected(all, r -> r.get("name").toString().startsWith("beta") && "KEY".equals(r.get("level"))));
    }

    @Test
    void estimateCountUsesTheDatabaseStatistics() {
        List<Record> all = new ArrayList<>();
        FormDefinition form = companies(all);
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            dsl.execute("analyze " + DSL.name(FormTables.table(form.id())));
        }
        assertThat(records.estimateCount(admin, form.id())).isEqualTo(300);
    }

    @Test
    void estimateCountComesWithTheReadersPermissions() {
        FormDefinition form = customerForm();
        records.create(staff, form.id(), Map.of("name", "李强的客户"));
        for (int i = 0; i < 5; i++) {
            records.create(manager, form.id(), Map.of("name", "赵敏的客户" + i, "owner", otherStaff.userId()));
        }
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            dsl.execute("analyze " + DSL.name(FormTables.table(form.id())));
        }
        assertThat(records.estimateCount(staff, form.id())).as("staff see one of their own").isEqualTo(1);
        assertThat(records.estimateCount(otherStaff, form.id())).isEqualTo(5);
        assertThat(records.estimateCount(manager, form.id())).isEqualTo(6);
    }

    // ---------------------------------------------------------------- guards and all-or-nothing

    @Test
    void aGuardRefusalLeavesNothingWritten() {
        FormDefinition form = everyTypeForm();
        Record kept = records.create(system, form.id(), Map.of("name", "原样"));
        long auditRows = auditCount(form);
        RecordsTestConfiguration.REFUSED_FORM.set(form.id());

        assertThatThrownBy(() -> records.create(admin, form.id(), Map.of("name", "新的", "tags", "VIP")))
                .isInstanceOfSatisfying(RecordRefusedException.class,
                        e -> assertThat(e.text().zh()).isEqualTo("本月已结账"));
        assertThatThrownBy(() -> records.update(admin, form.id(), kept.id(), 0, Map.of("name", "改了")))
                .isInstanceOf(RecordRefusedException.class);
        assertThatThrownBy(() -> records.delete(admin, form.id(), kept.id(), 0))
                .isInstanceOf(RecordRefusedException.class);

        assertThat(rowCount(form)).isEqualTo(1);
        assertThat(auditCount(form)).isEqualTo(auditRows);
        assertThat(records.get(admin, form.id(), kept.id()).orElseThrow()).isEqualTo(kept);
        assertThat(dsl.fetchCount(DSL.table(DSL.name(FormTables.multiselectTable(form.id(), "tags"))))).isZero();
    }

    @Test
    void aFailureAfterTheRowsAreWrittenUndoesTheWholeWrite() {
        FormDefinition form = everyTypeForm();
        RecordsTestConfiguration.FAILING_LISTENER_FORM.set(form.id());

        assertThatThrownBy(() -> records.create(admin, form.id(), Map.of("name", "半途而废", "tags", "VIP,NEW")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rowCount(form)).isZero();
        assertThat(auditCount(form)).isZero();
        assertThat(dsl.fetchCount(DSL.table(DSL.name(FormTables.multiselectTable(form.id(), "tags"))))).isZero();
    }

    private int rowCount(FormDefinition form) {
        return dsl.fetchCount(DSL.table(DSL.name(FormTables.table(form.id()))));
    }

    private int auditCount(FormDefinition form) {
        return dsl.fetchCount(DSL.table(DSL.name("kehu_audit")),
                DSL.field(DSL.name("form_id"), String.class).eq(form.id()));
    }
}
