package io.kehu.platform.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.imports.DuplicateDecision;
import io.kehu.platform.imports.ImportDuplicate;
import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.imports.ImportMode;
import io.kehu.platform.imports.ImportProblem;
import io.kehu.platform.imports.ImportProgress;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.ImportSource;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Duplicates on every supported database: a dry run reporting rows that duplicate an earlier row or a stored record
 * (phones typed differently, e-mails in other case) with their reasons and skipping them, masked phones never
 * matching; the duplicate finder; a merge moving interactions and purchases and taking a unique phone, its undo
 * leaving a record changed since alone; STAFF refused.
 */
abstract class DuplicatesContract {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    Duplicates duplicates;
    @Autowired
    Imports imports;
    @Autowired
    Records records;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DSLContext dsl;

    Actor admin;
    Actor manager;
    Actor staff;

    @BeforeEach
    void formsAndActors() {
        if (forms.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "duplicates tests");
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
    }

    @Test
    void customerRulesDefaultToPhoneEmailAndName() {
        DuplicateRules rules = duplicates.rules("customer");
        assertThat(List.of(rules.phoneField(), rules.emailField(), rules.nameField()))
                .containsExactly("phone", "email", "name");
        assertThatThrownBy(() -> duplicates.saveRules(manager, rules)).isInstanceOf(RecordAccessDeniedException.class);
        duplicates.saveRules(admin, new DuplicateRules("customer", "phone", null, "name", 0.9));
        assertThat(duplicates.rules("customer").emailField()).as("saved: e-mail off").isNull();
        assertThat(duplicates.rules("customer").nameThreshold()).isEqualTo(0.9);
        assertThatThrownBy(() -> duplicates.saveRules(admin, new DuplicateRules("customer", "fax", null, null, 0.9)))
                .isInstanceOf(IllegalArgumentException.class);
        duplicates.saveRules(admin, rules);
        assertThat(duplicates.rules("customer")).isEqualTo(rules);
    }

    @Test
    void dryRunReportsDuplicatesInTheFileAndAgainstStoredRecordsWithReasonsAndSkipsThem() throws Exception {
        String tag = "查重" + NUMBERS.incrementAndGet();
        String stored = phone();
        String fresh = phone();
        long existing = records.create(admin, "customer", Map.of("name", tag + "甬江贸易有限公司", "customer_type",
                "company", "phone", spaced(stored))).id();
        String csv = "客户名称,客户类型,电话,邮箱\n"
                + tag + "甬江贸易,公司," + "+86 " + stored + ",\n" // row 2: the stored record, phone typed otherwise
                + tag + "北辰科技,公司," + fresh + ",\n" // row 3: new
                + tag + "北辰科技有限公司,公司," + dashed(fresh) + ",\n" // row 4: row 3 again
                + tag + "南风物流,公司,," + tag + "@Example.cn\n" // row 5: new
                + tag + "南风,公司,,  " + tag.toLowerCase() + "@example.CN \n" // row 6: row 5's e-mail
                + tag + "东湖酒店,公司,135******41,\n" // row 7: masked, not a key (and no valid phone)
                + tag + "西湖茶庄,公司,135******41,\n"; // row 8: the same mask is no duplicate
        ImportSource source = imports.keep(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "dupes.csv");
        FormDefinition customer = forms.published("customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(customer, imports.headers(source), admin);
        assertThat(mapping.columns()).extracting(ImportMapping.Column::fieldId).containsExactly("name",
                "customer_type", "phone", "email");
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, true);

        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        assertThat(dry.rows()).isEqualTo(7);
        assertThat(dry.duplicates()).isEqualTo(3);
        assertThat(dry.firstDuplicates()).extracting(ImportDuplicate::row).containsExactly(2L, 4L, 6L);
        assertThat(dry.firstDuplicates()).extracting(ImportDuplicate::recordId).as("only a stored record can be merged")
                .containsExactly(existing, null, null);
        ImportDuplicate againstStored = dry.firstDuplicates().get(0);
        assertThat(againstStored.column()).isEqualTo("电话");
        assertThat(againstStored.reason().zh()).isEqualTo("与已有记录“" + tag + "甬江贸易有限公司”重复：同一手机号；名称相似度 100%");
        assertThat(againstStored.reason().en()).contains("same phone, name 100% similar");
        assertThat(dry.firstDuplicates().get(1).reason().zh()).isEqualTo("与第 3 行重复：同一手机号；名称相似度 100%");
        assertThat(dry.firstDuplicates().get(2).reason().en()).startsWith("duplicates row 5: same e-mail, name");
        assertThat(dry.firstProblems()).as("the masked phones are refused as phones, not taken for duplicates")
                .extracting(ImportProblem::row).containsExactly(7L, 8L);
        assertThat(dry.created()).isEqualTo(2);
        assertThat(countNamed(tag)).as("a dry run writes nothing").isEqualTo(1);

        ImportReport notSkipping = imports.dryRun(admin, settings.withSkipDuplicates(false), new ImportProgress());
        assertThat(notSkipping.duplicates()).as("still reported").isEqualTo(3);
        assertThat(notSkipping.created()).as("typed otherwise, none of the three is caught by the unique index").isEqualTo(5);

        long job = imports.runNow(admin, settings);
        assertThat(imports.result(job).orElseThrow().duplicates()).isEqualTo(3);
        assertThat(imports.job(admin, job).orElseThrow().created()).isEqualTo(2);
        assertThat(countNamed(tag)).isEqualTo(3);
        assertThat(dsl.select(DSL.field(DSL.name("duplicate_count"), Long.class)).from(DSL.table(DSL.name(
                "kehu_import_job"))).where(DSL.field(DSL.name("id")).eq(job)).fetchOne(0, Long.class)).isEqualTo(3);
        assertThat(records.get(admin, "customer", existing)).isPresent();
    }

    @Test
    void mergeMovesInteractionsAndPurchasesThenUndoPutsThemBackExceptWhatChangedSince() {
        String tag = "合并" + NUMBERS.incrementAndGet();
        String p = phone();
        Record a = records.create(admin, "customer", Map.of("name", tag + "海曙文具有限公司", "customer_type",
                "company", "phone", p));
        Record b = records.create(admin, "customer", Map.of("name", tag + "海曙文具", "customer_type", "company",
                "phone", "+86 " + p, "email", tag + "@haishu.cn", "notes", "老客户，喜欢电话联系"));
        long interaction = records.create(admin, "interaction", Map.of("customer", b.id(), "channel", "phone",
                "occurred_at", OffsetDateTime.now(), "summary", "询价")).id();
        long purchase = records.create(admin, "purchase", Map.of("customer", b.id(), "purchased_on",
                LocalDate.of(2025, 3, 5), "product", "钢笔", "quantity", 3, "amount", "¥120.00")).id();

        List<DuplicateGroup> groups = duplicates.groups(manager, "customer", 10_000);
        DuplicateGroup group = groups.stream().filter(g -> g.records().stream().anyMatch(r -> r.id() == a.id()))
                .findFirst().orElseThrow();
        assertThat(group.records()).extracting(Record::id).containsExactly(a.id(), b.id());
        assertThat(group.reasons().get(1).zh()).isEqualTo("同一手机号；名称相似度 100%");

        FormDefinition customer = forms.published("customer").orElseThrow();
        Record fullA = records.get(manager, "customer", a.id()).orElseThrow();
        Record fullB = records.get(manager, "customer", b.id()).orElseThrow();
        Map<String, Object> chosen = new HashMap<>(duplicates.proposedValues(customer, fullA, fullB));
        assertThat(chosen).containsEntry("email", tag + "@haishu.cn").containsEntry("notes", "老客户，喜欢电话联系")
                .containsEntry("phone", p);
        chosen.put("phone", "+86 " + p); // the other's unique phone: freed on B first
        long merge = duplicates.merge(manager, "customer", a.id(), b.id(), chosen);

        Record merged = records.get(manager, "customer", a.id()).orElseThrow();
        assertThat(merged.get("email")).isEqualTo(tag + "@haishu.cn");
        assertThat(merged.get("phone")).isEqualTo("+86 " + p);
        assertThat(merged.get("name")).isEqualTo(tag + "海曙文具有限公司");
        assertThat(records.get(manager, "customer", b.id())).as("soft-deleted").isEmpty();
        assertThat(records.get(manager, "interaction", interaction).orElseThrow().get("customer")).isEqualTo(a.id());
        Record movedPurchase = records.get(manager, "purchase", purchase).orElseThrow();
        assertThat(movedPurchase.get("customer")).isEqualTo(a.id());
        assertThat(origins("interaction", interaction)).contains("merge:" + merge);

        records.update(admin, "purchase", purchase, movedPurchase.rowVersion(), Map.of("quantity", 4));
        MergeUndoReport undo = duplicates.undoMerge(manager, merge);
        assertThat(undo.restored()).isTrue();
        assertThat(undo.movedBack()).isEqualTo(1);
        assertThat(undo.leftAlone()).singleElement().asString().contains("钢笔");
        Record backA = records.get(manager, "customer", a.id()).orElseThrow();
        assertThat(backA.get("phone")).isEqualTo(p);
        assertThat(backA.get("email")).isNull();
        Record backB = records.get(manager, "customer", b.id()).orElseThrow();
        assertThat(backB.get("phone")).isEqualTo("+86 " + p);
        assertThat(backB.get("email")).isEqualTo(tag + "@haishu.cn");
        assertThat(records.get(manager, "interaction", interaction).orElseThrow().get("customer")).isEqualTo(b.id());
        assertThat(records.get(manager, "purchase", purchase).orElseThrow().get("customer"))
                .as("changed since the merge: left where it is").isEqualTo(a.id());
        assertThat(origins("interaction", interaction)).contains("undo:merge:" + merge);
        assertThatThrownBy(() -> duplicates.undoMerge(manager, merge)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theReviewMergesSkipsOrImportsEachDuplicateRowAsDecidedAndTheUndoPutsTheMergedRecordBack() throws Exception {
        String tag = "复核" + NUMBERS.incrementAndGet();
        String p1 = phone();
        String p3 = phone();
        String fresh = phone();
        Record s1 = records.create(admin, "customer", Map.of("name", tag + "甬江贸易有限公司", "customer_type",
                "company", "phone", p1));
        Record s3 = records.create(admin, "customer", Map.of("name", tag + "南风物流", "customer_type", "company",
                "phone", p3));
        String csv = "客户名称,客户类型,电话,备注\n"
                + tag + "甬江贸易有限公司,公司,+86 " + p1 + ",三月起改为月结\n" // row 2: s1 → merge
                + tag + "北辰科技,公司," + fresh + ",\n" // row 3: new
                + tag + "北辰科技有限公司,公司," + dashed(fresh) + ",\n" // row 4: row 3 again → import anyway
                + tag + "南风物流,公司," + spaced(p3) + ",\n"; // row 5: s3 → skip
        ImportSource source = imports.keep(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "review.csv");
        FormDefinition customer = forms.published("customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(customer, imports.headers(source), admin);
        // the default would create all of them: the decisions alone skip row 5
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, true, false);
        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        assertThat(dry.firstDuplicates()).extracting(ImportDuplicate::row).containsExactly(2L, 4L, 5L);
        assertThat(dry.firstDuplicates()).extracting(ImportDuplicate::mergeable).containsExactly(true, false, true);
        assertThat(dry.firstDuplicates().get(0).reason().zh()).isEqualTo("与已有记录“" + tag
                + "甬江贸易有限公司”重复：同一手机号；名称相似度 100%");

        Map<Long, DuplicateDecision> decisions = Map.of(2L, DuplicateDecision.MERGE, 4L, DuplicateDecision.IMPORT,
                5L, DuplicateDecision.SKIP);
        long job = imports.runNow(admin, settings.withDecisions(decisions));
        var done = imports.job(admin, job).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.created()).as("rows 3 and 4").isEqualTo(2);
        assertThat(done.updated()).as("row 2 merged into its record").isEqualTo(1);
        assertThat(done.duplicates()).isEqualTo(3);
        assertThat(dsl.select(DSL.field(DSL.name("duplicate_decisions"), String.class)).from(DSL.table(DSL.name(
                "kehu_import_job"))).where(DSL.field(DSL.name("id")).eq(job)).fetchOne(0, String.class))
                .as("kept with the job, for a resume").contains("MERGE", "IMPORT", "SKIP");
        Record merged = records.get(admin, "customer", s1.id()).orElseThrow();
        assertThat(merged.get("notes")).isEqualTo("三月起改为月结");
        assertThat(merged.get("phone")).isEqualTo("+86 " + p1);
        assertThat(records.get(admin, "customer", s3.id()).orElseThrow().rowVersion()).as("skipped: untouched")
                .isEqualTo(s3.rowVersion());
        assertThat(countNamed(tag)).as("the two stored, rows 3 and 4").isEqualTo(4);

        var undone = imports.undo(admin, job);
        assertThat(undone.deleted()).isEqualTo(2);
        assertThat(undone.restored()).isEqualTo(1);
        Record back = records.get(admin, "customer", s1.id()).orElseThrow();
        assertThat(back.get("notes")).isNull();
        assertThat(back.get("phone")).isEqualTo(p1);
        assertThat(countNamed(tag)).isEqualTo(2);
    }

    @Test
    void mergeMovesContactPersonsToTheSurvivorAndUndoPutsBackWhatNobodyChanged() {
        String tag = "联系人" + NUMBERS.incrementAndGet();
        String p = phone();
        Record a = records.create(admin, "customer", Map.of("name", tag + "镇海机械有限公司", "customer_type",
                "company", "phone", p));
        Record b = records.create(admin, "customer", Map.of("name", tag + "镇海机械", "customer_type", "company",
                "email", tag + "@zhenhai.cn"));
        records.createChild(admin, "customer", a.id(), "contacts", Map.of("name", "赵一", "title", "总经理"));
        Record zhang = records.createChild(admin, "customer", b.id(), "contacts", Map.of("name", "张三", "title",
                "采购", "phone", phone(), "is_primary", true));
        Record wang = records.createChild(admin, "customer", b.id(), "contacts", Map.of("name", "王五"));

        long merge = duplicates.merge(manager, "customer", a.id(), b.id(), Map.of());
        List<Record> contacts = records.subtableRows(manager, "customer", a.id(), "contacts");
        assertThat(contacts).extracting(r -> r.get("name")).as("the survivor has both records' contact persons")
                .containsExactlyInAnyOrder("赵一", "张三", "王五");
        Record zhangCopy = contacts.stream().filter(r -> "张三".equals(r.get("name"))).findFirst().orElseThrow();
        assertThat(zhangCopy.get("title")).isEqualTo("采购");
        assertThat(zhangCopy.get("phone")).isEqualTo(zhang.get("phone"));
        assertThat(zhangCopy.get("is_primary")).isEqualTo(true);
        assertThat(records.get(admin, "contact_person", zhang.id())).as("the original went with B").isEmpty();

        Record wangCopy = contacts.stream().filter(r -> "王五".equals(r.get("name"))).findFirst().orElseThrow();
        records.update(admin, "contact_person", wangCopy.id(), wangCopy.rowVersion(), Map.of("title", "财务"));
        MergeUndoReport undo = duplicates.undoMerge(manager, merge);
        assertThat(undo.restored()).isTrue();
        assertThat(undo.movedBack()).as("张三; 王五 was changed since").isEqualTo(1);
        assertThat(undo.leftAlone()).singleElement().asString().contains("王五");
        assertThat(records.subtableRows(manager, "customer", b.id(), "contacts")).extracting(Record::id)
                .as("B has its original row back").containsExactly(zhang.id());
        assertThat(records.subtableRows(manager, "customer", a.id(), "contacts")).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("赵一", "王五");
        assertThat(wang.id()).as("王五's original stays deleted").satisfies(id -> assertThat(records.get(admin,
                "contact_person", id)).isEmpty());
    }

    @Test
    void staffCannotMergeNorListDuplicates() {
        String p = phone();
        long a = records.create(staff, "customer", Map.of("name", "员工甲" + p, "customer_type", "person", "phone",
                p)).id();
        long b = records.create(staff, "customer", Map.of("name", "员工甲" + p, "customer_type", "person",
                "email", p + "@staff.cn")).id();
        assertThatThrownBy(() -> duplicates.merge(staff, "customer", a, b, Map.of()))
                .isInstanceOf(RecordAccessDeniedException.class);
        assertThatThrownBy(() -> duplicates.groups(staff, "customer", 10))
                .isInstanceOf(RecordAccessDeniedException.class);
        assertThat(records.get(staff, "customer", b)).as("nothing merged").isPresent();
    }

    private static String phone() {
        return "137" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000);
    }

    private static String spaced(String p) {
        return p.substring(0, 3) + " " + p.substring(3, 7) + " " + p.substring(7);
    }

    private static String dashed(String p) {
        return p.substring(0, 3) + "-" + p.substring(3, 7) + "-" + p.substring(7);
    }

    private long countNamed(String prefix) {
        return records.query(admin, RecordQuery.of("customer").where(RecordQuery.Filter.of("name",
                RecordQuery.Operator.STARTS_WITH, prefix)).limit(100)).size();
    }

    private List<String> origins(String formId, long id) {
        return dsl.select(DSL.field(DSL.name("origin"), String.class)).from(DSL.table(DSL.name("kehu_audit")))
                .where(DSL.field(DSL.name("form_id")).eq(formId)).and(DSL.field(DSL.name("record_id")).eq(id))
                .fetch(0, String.class);
    }
}
