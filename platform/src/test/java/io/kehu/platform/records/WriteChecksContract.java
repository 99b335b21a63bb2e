package io.kehu.platform.records;

import static io.kehu.platform.forms.FieldType.COMPUTED;
import static io.kehu.platform.forms.FieldType.DECIMAL;
import static io.kehu.platform.forms.FieldType.INTEGER;
import static io.kehu.platform.forms.FieldType.REFERENCE;
import static io.kehu.platform.forms.FieldType.SELECT;
import static io.kehu.platform.forms.FieldType.SUBTABLE;
import static io.kehu.platform.forms.FieldType.TEXT;
import static io.kehu.platform.forms.FieldType.TEXTAREA;
import static io.kehu.platform.forms.FieldType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * One set of write checks: every case runs through a single write ({@link Records}) and a bulk write
 * ({@link BulkRecords}) and must be refused the same way — same exception, same field keys and error codes — and leave
 * nothing behind. A check fixed in one path and forgotten in the other fails here.
 */
@Import(RecordsTestConfiguration.class)
abstract class WriteChecksContract {

    private static final AtomicInteger FORMS = new AtomicInteger();

    /** The two ways into the store. */
    enum WritePath { SINGLE, BULK }

    @Autowired
    Records records;
    @Autowired
    BulkRecords bulk;
    @Autowired
    TestFormCatalog catalog;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DSLContext dsl;

    Actor system = Actor.system("test-writes");
    Actor staff;
    Actor manager;
    FormDefinition companies;
    FormDefinition contacts;

    @BeforeEach
    void forms() {
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        int n = FORMS.incrementAndGet();
        contacts = catalog.publish(form("wcontact" + n, List.of(TestField.of("name", TEXT).build())));
        FormDefinition lines = catalog.publish(form("wline" + n, List.of(TestField.of("name", TEXT).build())));
        companies = catalog.publish(form("wcompany" + n, List.of(
                TestField.of("name", TEXT).required().maxLength(20).build(),
                TestField.of("code", TEXT).unique().build(),
                TestField.of("zip", TEXT).pattern("[0-9]{6}").build(),
                TestField.of("owner", USER).build(),
                TestField.of("contact", REFERENCE).form(contacts.id()).build(),
                TestField.of("secret", TEXTAREA).readableBy(Role.MANAGER).build(),
                TestField.of("level", SELECT).options("KEY", "NORMAL").readOnly().build(),
                TestField.of("employees", INTEGER).build(),
                TestField.of("score", DECIMAL).build(),
                TestField.of("total", COMPUTED).resultType(DECIMAL).build(),
                TestField.of("lines", SUBTABLE).form(lines.id()).build())));
    }

    @AfterEach
    void resetGuard() {
        RecordsTestConfiguration.REFUSED_FORM.set(null);
    }

    private static FormDefinition form(String id, List<FieldDefinition> fields) {
        return new FormDefinition(id, null, null, null, 0, "name", null, fields, null, null, null);
    }

    // ---------------------------------------------------------------- the two paths

    /** Creates {@code rows} in one go: one bulk write, or one single write after the other. */
    private void create(WritePath path, Actor actor, List<Map<String, ?>> rows) {
        switch (path) {
            case SINGLE -> rows.forEach(row -> records.create(actor, companies.id(), row));
            case BULK -> bulk.batch(actor, null, null, batch -> rows.forEach(row -> batch.create(companies.id(), row)));
        }
    }

    private void update(WritePath path, Actor actor, long id, Map<String, ?> changes) {
        switch (path) {
            case SINGLE -> records.update(actor, companies.id(), id, 0, changes);
            case BULK -> bulk.batch(actor, null, null, batch -> batch.update(companies.id(), id, 0, changes));
        }
    }

    private static Map<String, Object> company(String name, Object... more) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    private int stored() {
        return dsl.fetchCount(DSL.table(DSL.name(FormTables.table(companies.id()))));
    }

    /** The create is refused with exactly {@code expected} (field, code) errors and writes nothing. */
    private void assertInvalid(WritePath path, Actor actor, Map<String, ?> row, Tuple... expected) {
        int before = stored();
        Throwable refused = catchThrowable(() -> create(path, actor, List.of(row)));
        assertThat(refused).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::fieldId, FieldError::code).containsExactlyInAnyOrder(expected));
        assertThat(stored()).isEqualTo(before);
    }

    private void assertDenied(WritePath path, Actor actor, Map<String, ?> row, String fieldId) {
        Throwable refused = catchThrowable(() -> create(path, actor, List.of(row)));
        assertThat(refused).isInstanceOfSatisfying(RecordAccessDeniedException.class,
                e -> assertThat(e.fieldId()).isEqualTo(fieldId));
        assertThat(stored()).isZero();
    }

    // ---------------------------------------------------------------- the cases

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void unknownAndSystemFieldsAreRefused(WritePath path) {
        assertInvalid(path, system, company("甲", "nonsense", "x"), tuple("nonsense", "unknown_field"));
        assertInvalid(path, staff, company("甲", "created_by", 1L, "row_version", 7),
                tuple("created_by", "unknown_field"), tuple("row_version", "unknown_field"));
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void subtableRowsAreNotValuesOfTheRecord(WritePath path) {
        assertInvalid(path, system, company("甲", "lines", List.of(Map.of("name", "x"))), tuple("lines", "subtable"));
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void definitionChecksReportEveryProblemAtOnce(WritePath path) {
        assertInvalid(path, system, Map.of("code", "C1"), tuple("name", "required"));
        assertInvalid(path, system, company("一二三四五六七八九十一二三四五六七八九十一", "zip", "12ab"),
                tuple("name", "too_long"), tuple("zip", "pattern"));
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void uniqueValuesAreCheckedWithinTheBatchAndAgainstTheTable(WritePath path) {
        Throwable refused = catchThrowable(() -> create(path, system,
                List.of(company("甲", "code", "DUP"), company("乙", "code", "DUP"))));
        assertThat(refused).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::fieldId, FieldError::code).containsExactly(tuple("code", "unique")));
        // A bulk write is all or nothing; single writes are one by one, so the first one stays.
        assertThat(stored()).isEqualTo(path == WritePath.BULK ? 0 : 1);

        records.create(system, companies.id(), company("丙", "code", "TAKEN"));
        long other = records.create(system, companies.id(), company("丁", "code", "FREE")).id();
        assertInvalid(path, system, company("戊", "code", "TAKEN"), tuple("code", "unique"));
        Throwable onUpdate = catchThrowable(() -> update(path, system, other, Map.of("code", "TAKEN")));
        assertThat(onUpdate).isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::fieldId, FieldError::code).containsExactly(tuple("code", "unique")));
        // Keeping one's own value is no clash.
        update(path, system, other, Map.of("code", "FREE", "zip", "100000"));
        assertThat(records.get(system, companies.id(), other).orElseThrow().get("zip")).isEqualTo("100000");
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void usersAndReferencesMustExist(WritePath path) {
        assertInvalid(path, system, company("甲", "owner", 987_654_321L), tuple("owner", "user_missing"));
        assertInvalid(path, system, company("甲", "contact", 987_654_321L), tuple("contact", "reference_missing"));
        long contact = records.create(system, contacts.id(), Map.of("name", "联系人")).id();
        create(path, system, List.of(company("甲", "contact", contact, "owner", staff.userId())));
        assertThat(stored()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void fieldsTheRoleMayNotWriteAreRefused(WritePath path) {
        assertDenied(path, staff, company("甲", "secret", "机密"), "secret");
        create(path, manager, List.of(company("甲", "secret", "机密")));
        assertThat(stored()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void computedAndReadOnlyFieldsCannotBeMassAssigned(WritePath path) {
        assertDenied(path, staff, company("甲", "total", "1000"), "total");
        assertDenied(path, staff, company("甲", "level", "KEY"), "level");
        create(path, staff, List.of(company("甲", "employees", 10L, "score", "1.5")));
        assertThat(stored()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void theFormsRulesRefuseWithTheirMessage(WritePath path) {
        Throwable refused = catchThrowable(() -> create(path, system, List.of(company("FORBIDDEN"))));
        assertThat(refused).isInstanceOfSatisfying(RecordValidationException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::fieldId, FieldError::code)
                    .containsExactly(tuple("name", "rule"));
            assertThat(e.errors().getFirst().message().en()).endsWith("Name not allowed");
        });
        long id = records.create(system, companies.id(), company("甲")).id();
        Throwable onUpdate = catchThrowable(() -> update(path, system, id, Map.of("name", "FORBIDDEN")));
        assertThat(onUpdate).isInstanceOf(RecordValidationException.class);
        assertThat(records.get(system, companies.id(), id).orElseThrow().get("name")).isEqualTo("甲");
    }

    @ParameterizedTest
    @EnumSource(WritePath.class)
    void guardsRefuseBothPaths(WritePath path) {
        RecordsTestConfiguration.REFUSED_FORM.set(companies.id());
        Throwable refused = catchThrowable(() -> create(path, system, List.of(company("甲"))));
        assertThat(refused).isInstanceOf(RecordRefusedException.class);
        assertThat(stored()).isZero();
    }
}
