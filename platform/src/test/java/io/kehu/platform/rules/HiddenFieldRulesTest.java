package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.DefinitionException;
import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.AuditEntry;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KehuTest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules run on the whole record, but nothing they produce shows a user a value they may not read: scripts of a field
 * that read a field hidden from some reader of the first are refused on publish (at the JSON path), and so the
 * browser, which only has the user's view of the record, decides visibleWhen/requiredWhen as the server does.
 */
@KehuTest
class HiddenFieldRulesTest {

    private static final String MANAGERS_ONLY = "\"permissions\": {\"read\": [\"manager\", \"admin\"]}";

    @Autowired
    DefinitionReader reader;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Records records;
    @Autowired
    RuleEngine engine;
    @Autowired
    UserAccounts accounts;

    Actor manager;
    Actor staff;
    String formId;

    @BeforeEach
    void actors() {
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        formId = "deal" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A deal form: {@code cost} only managers read; {@code extra} is the field under test. */
    private String deal(String extra) {
        return """
            {"id": "%s", "label": {"en": "Deal"}, "titleField": "name", "ownerField": "owner",
             "fields": [
               {"id": "name", "type": "text", "required": true},
               {"id": "owner", "type": "user"},
               {"id": "price", "type": "decimal"},
               {"id": "cost", "type": "decimal", %s},
               %s
             ],
             "rules": [{"on": "validate", "script": "record.cost == null || record.price == null || record.price >= record.cost",
                        "message": {"zh": "价格低于成本", "en": "The price is below cost"}}]}
            """.formatted(formId, MANAGERS_ONLY, extra);
    }

    private List<DefinitionProblem> problems(String extra) {
        try {
            reader.read(formId + ".json", deal(extra));
            return List.of();
        } catch (DefinitionException e) {
            return e.problems();
        }
    }

    @Test
    void aComputedFieldStaffMayReadCannotReadAManagerOnlyField() {
        List<DefinitionProblem> problems = problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal", "expression": "record.price - record.cost"}""");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("$.fields[4].expression");
            assertThat(p.message()).contains("'margin'", "STAFF", "'cost'");
            assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains("“margin”", "STAFF", "“cost”");
        });
    }

    @Test
    void readingTheFieldByAnyOtherWayIsRefusedToo() {
        assertThat(problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal",
             "expression": "record.price - record.decimal('cost')"}"""))
                .extracting(DefinitionProblem::jsonPath).containsExactly("$.fields[4].expression");
        // A field name made at run time could be any field: refused while any field is hidden from a reader.
        assertThat(problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal",
             "expression": "record.decimal('co' + 'st')"}"""))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("cannot be known"));
        assertThat(problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal",
             "expression": "getRecord().decimal('price')"}"""))
                .extracting(DefinitionProblem::jsonPath).containsExactly("$.fields[4].expression");
        assertThat(problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal",
             "expression": "old.empty ? null : old.cost"}"""))
                .extracting(DefinitionProblem::jsonPath).containsExactly("$.fields[4].expression");
    }

    @Test
    void conditionsOfAFieldStaffMayReadCannotReadAManagerOnlyField() {
        assertThat(problems("""
            {"id": "discount_reason", "type": "text", "visibleWhen": "record.price < record.cost",
             "requiredWhen": "record.cost > 1000"}"""))
                .extracting(DefinitionProblem::jsonPath)
                .containsExactly("$.fields[4].visibleWhen", "$.fields[4].requiredWhen");
    }

    @Test
    void scriptsOfAFieldAsHiddenAsItsInputsArePublished() {
        assertThat(problems("""
            {"id": "margin", "type": "computed", "resultType": "decimal", "expression": "record.price - record.cost",
             %s, "requiredWhen": "record.cost > 1000"}""".formatted(MANAGERS_ONLY))).isEmpty();
        assertThat(problems("""
            {"id": "note", "type": "text", "visibleWhen": "record.price > 100 && !old.empty && old.id > 0"}"""))
                .isEmpty();
    }

    @Test
    void aStaffSaveNeverShowsTheHiddenValue() {
        publisher.publishAll(List.of(reader.read(formId + ".json", deal("""
            {"id": "margin", "type": "computed", "resultType": "decimal", "expression": "record.price - record.cost",
             %s}""".formatted(MANAGERS_ONLY)))), "admin", null);
        Record deal = records.create(manager, formId, Map.of("name", "Acme deal", "owner", staff.userId(),
                "price", "5000", "cost", "3217.45"));
        assertThat(deal.values().asMap()).containsKeys("cost", "margin");

        Record saved = records.update(staff, formId, deal.id(), deal.rowVersion(), Map.of("name", "Acme deal 2"));
        assertThat(saved.values().asMap()).containsKeys("name", "price").doesNotContainKeys("cost", "margin");
        assertThat(records.history(staff, formId, deal.id())).extracting(AuditEntry::fieldId)
                .doesNotContain("cost", "margin");
        assertThat(records.history(staff, formId, deal.id()).toString()).doesNotContain("3217", "1782");

        // The rule reads the hidden cost and refuses the save; its message is the definition's fixed text.
        assertThatThrownBy(() -> records.update(staff, formId, deal.id(), saved.rowVersion(), Map.of("price", "10")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> {
                    assertThat(e.errors()).extracting(error -> error.message().en())
                            .containsExactly("The price is below cost");
                    assertThat(e.errors().toString() + e.getMessage()).doesNotContain("3217");
                });
        Record manager2 = records.get(manager, formId, deal.id()).orElseThrow();
        assertThat(manager2.get("margin").toString()).startsWith("1782.55");
    }

    @Test
    void theBrowserAndTheServerDecideConditionsOnTheSameInputs() {
        FormDefinition form = reader.read(formId + ".json", deal("""
            {"id": "discount_reason", "type": "text", "visibleWhen": "record.price < 1000",
             "requiredWhen": "record.price < 500 && record.name != null"}"""));
        FieldDefinition reason = form.field("discount_reason").orElseThrow();
        for (String price : List.of("100", "700", "2000")) {
            Map<String, Object> full = new HashMap<>(Map.of("name", "Acme", "owner", staff.userId(),
                    "price", new java.math.BigDecimal(price), "cost", new java.math.BigDecimal("900")));
            // What RecordForm has for a staff user: the record without the fields staff may not read.
            Map<String, Object> staffView = new HashMap<>(full);
            staffView.remove("cost");
            assertThat(engine.isVisible(form, reason, staffView, staff))
                    .isEqualTo(engine.isVisible(form, reason, full, staff));
            assertThat(engine.isRequired(form, reason, staffView, staff))
                    .isEqualTo(engine.isRequired(form, reason, full, staff));
        }
        assertThat(engine.isRequired(form, reason, Map.of("name", "Acme", "price", new java.math.BigDecimal("100")),
                staff)).isTrue();
    }
}
