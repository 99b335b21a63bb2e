package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.DefinitionException;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionSource;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KehuTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules engine inside the real write path on H2: definitions read through the reader (compile check), published,
 * then written through {@link Records}. Covers validation rules, requiredWhen, visibleWhen, computed fields over
 * {@code related()}, run-time failures and all-or-nothing writes.
 */
@KehuTest
class RulesOnRecordsTest {

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

    Actor admin;
    String customer;
    String purchase;

    @BeforeEach
    void publishForms() {
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        customer = "cust" + suffix;
        purchase = "purch" + suffix;
        List<FormDefinition> forms = reader.readAll(List.of(
                new DefinitionSource(customer + ".json", customerJson()),
                new DefinitionSource(purchase + ".json", purchaseJson())));
        publisher.publishAll(forms, "admin", null);
    }

    private String customerJson() {
        return """
            {"id": "%s", "label": {"en": "Customer"}, "titleField": "name",
             "fields": [
               {"id": "name", "type": "text", "required": true},
               {"id": "level", "type": "select", "options": ["KEY", "NORMAL"]},
               {"id": "account_manager", "type": "user", "requiredWhen": "record.level == 'KEY'"},
               {"id": "vip_note", "type": "textarea", "visibleWhen": "record.level == 'KEY'"},
               {"id": "phone", "type": "phone"},
               {"id": "email", "type": "email"},
               {"id": "annual_spend", "type": "computed", "resultType": "decimal",
                "expression": "related('%s').from('purchased_on', startOfYear(today)).sum('amount')"},
               {"id": "risk", "type": "computed", "resultType": "integer",
                "expression": "record.name == 'BOOM' ? 1.intdiv(0) : 0"}
             ],
             "rules": [{"on": "validate", "script": "record.phone || record.email",
                        "message": {"en": "Phone or e-mail is required", "zh": "电话或邮箱至少填一项"}},
                       {"on": "validate", "script": "def l = [1, 2, 3, 4, 5, 6, 7, 8]\\nrecord.name != 'SLOW' || l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { false } } } } } } } } } }",
                        "message": {"en": "never shown"}}]}
            """.formatted(customer, purchase);
    }

    private String purchaseJson() {
        return """
            {"id": "%s", "label": {"en": "Purchase"},
             "fields": [
               {"id": "customer", "type": "reference", "form": "%s", "required": true},
               {"id": "amount", "type": "money"},
               {"id": "purchased_on", "type": "date"}
             ]}
            """.formatted(purchase, customer);
    }

    @Test
    void aValidationRuleThatFailsRefusesTheSaveWithItsMessage() {
        assertThatThrownBy(() -> records.create(admin, customer, Map.of("name", "Acme")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.message().en()).containsExactly("Phone or e-mail is required"));
        assertThat(records.create(admin, customer, Map.of("name", "Acme", "email", "a@acme.cn")).id()).isPositive();
    }

    @Test
    void aKeyCustomerMustHaveAnAccountManager() {
        assertThatThrownBy(() -> records.create(admin, customer, Map.of("name", "Acme", "email", "a@acme.cn",
                "level", "KEY")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::fieldId, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("account_manager", "required")));
        Record saved = records.create(admin, customer, Map.of("name", "Acme", "email", "a@acme.cn", "level", "KEY",
                "account_manager", admin.userId()));
        assertThat(saved.get("account_manager")).isEqualTo(admin.userId());
        assertThat(records.create(admin, customer, Map.of("name", "Small", "email", "s@acme.cn", "level", "NORMAL"))
                .id()).isPositive();
    }

    @Test
    void visibilityFollowsTheCondition() {
        FormDefinition form = publishedCustomer();
        var note = form.field("vip_note").orElseThrow();
        assertThat(engine.isVisible(form, note, Map.of("level", "KEY"), admin)).isTrue();
        assertThat(engine.isVisible(form, note, Map.of("level", "NORMAL"), admin)).isFalse();
        assertThat(engine.isRequired(form, form.field("account_manager").orElseThrow(), Map.of("level", "KEY"),
                admin)).isTrue();
    }

    @Test
    void annualSpendIsTheSumOfThisYearsPurchases() {
        Record acme = records.create(admin, customer, Map.of("name", "Acme", "email", "a@acme.cn"));
        assertThat((BigDecimal) acme.get("annual_spend")).isEqualByComparingTo("0");
        LocalDate today = LocalDate.now();
        records.create(admin, purchase, Map.of("customer", acme.id(), "amount", "1200.50", "purchased_on", today));
        records.create(admin, purchase, Map.of("customer", acme.id(), "amount", "300", "purchased_on", today));
        records.create(admin, purchase, Map.of("customer", acme.id(), "amount", "999",
                "purchased_on", today.withDayOfYear(1).minusDays(1)));

        Record updated = records.update(admin, customer, acme.id(), acme.rowVersion(), Map.of("phone",
                "13800138000"));

        assertThat((BigDecimal) updated.get("annual_spend")).isEqualByComparingTo("1500.50");
    }

    @Test
    void aRuleThatThrowsRefusesTheSaveNamingTheFieldAndWritesNothing() {
        assertThatThrownBy(() -> records.create(admin, customer, Map.of("name", "BOOM", "email", "b@acme.cn")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::fieldId, FieldError::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("risk", "rule_failed"));
                    assertThat(e.errors().getFirst().message().en()).contains("risk");
                    assertThat(e.errors().getFirst().message().zh()).contains("risk");
                });
        assertThat(records.query(admin, RecordQuery.of(customer))).isEmpty();
    }

    @Test
    void aRuleThatTimesOutRefusesTheSaveAndWritesNothing() {
        assertThatThrownBy(() -> records.create(admin, customer, Map.of("name", "SLOW", "email", "s@acme.cn")))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactly("rule_failed"));
        assertThat(records.query(admin, RecordQuery.of(customer))).isEmpty();
        assertThat(records.create(admin, customer, Map.of("name", "Fine", "email", "f@acme.cn")).id()).isPositive();
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWhenTheDefinitionIsRead() {
        String broken = """
            {"id": "broken", "label": {"en": "Broken"},
             "fields": [{"id": "name", "type": "text", "visibleWhen": "record.nmae == 'x'"},
                        {"id": "total", "type": "computed", "resultType": "decimal",
                         "expression": "Runtime.getRuntime().exec('id')"}]}
            """;
        assertThatThrownBy(() -> reader.read("broken.json", broken))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("$.fields[0].visibleWhen")
                .hasMessageContaining("line 1, column 8")
                .hasMessageContaining("nmae")
                .hasMessageContaining("$.fields[1].expression");
    }

    @Test
    void theShippedSeedsCompileInTheSandbox() {
        assertThat(reader.readFolder(java.nio.file.Path.of("..", "form-definitions"))).hasSizeGreaterThan(3);
    }

    private FormDefinition publishedCustomer() {
        return reader.readAll(List.of(new DefinitionSource(customer + ".json", customerJson()),
                new DefinitionSource(purchase + ".json", purchaseJson()))).getFirst();
    }
}
