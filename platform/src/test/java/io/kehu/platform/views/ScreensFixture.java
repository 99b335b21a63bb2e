package io.kehu.platform.views;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shipped form definitions, published once per test database, with one extra customer field that only managers
 * may read ({@code credit_note}); demo customers with unique names and phones; and Karibu sign-in.
 */
final class ScreensFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private ScreensFixture() {
    }

    static void publishForms(FormCatalog catalog, FormPublisher publisher) {
        if (catalog.published("customer").isPresent()) {
            return;
        }
        List<FormDefinition> forms = new ArrayList<>();
        for (FormDefinition f : new DefinitionReader().readFolder(Path.of("../form-definitions"))) {
            forms.add(f.id().equals("customer") ? withManagerOnlyField(f) : f);
        }
        publisher.publishAll(forms, "test", "screens tests");
    }

    private static FormDefinition withManagerOnlyField(FormDefinition customer) {
        List<FieldDefinition> fields = new ArrayList<>(customer.fields());
        FieldDefinition base = FieldDefinition.of("credit_note", FieldType.TEXT);
        fields.add(new FieldDefinition(base.id(), base.type(), LocalizedText.of("信用备注", "Credit note"), null,
                false, null, null, null, null, null, null, null, null, false, false, false, true, false, null, null,
                null, null, null, new AccessRule(Set.of(Role.MANAGER), Set.of(Role.MANAGER))));
        List<LayoutSection> layout = new ArrayList<>(customer.layout());
        LayoutSection first = layout.getFirst();
        List<String> ids = new ArrayList<>(first.fields());
        ids.add("credit_note");
        layout.set(0, new LayoutSection(first.title(), first.tab(), first.columns(), ids));
        return new FormDefinition(customer.id(), customer.label(), customer.icon(), customer.navigationGroup(),
                customer.navigationOrder(), customer.titleField(), customer.ownerField(), fields, layout,
                customer.rules(), customer.access());
    }

    /** A unique word to find this test's records in the shared test database. */
    static String token() {
        return "T" + SEQUENCE.incrementAndGet() + "x";
    }

    /** A mobile number nobody else in the test database has. */
    static String phone() {
        return String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000);
    }

    static Record customer(Records records, Actor owner, String name, String region) {
        return records.create(owner, "customer", Map.of("name", name, "customer_type", "company",
                "phone", phone(), "region", region));
    }

    static Actor actor(UserAccounts accounts, String username) {
        return Actor.of(accounts.findByUsername(username).orElseThrow());
    }
}
