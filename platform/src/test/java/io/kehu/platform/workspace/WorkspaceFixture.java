package io.kehu.platform.workspace;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for the workspace and timeline tests: the shipped forms, a fresh account per test (so counts are the
 * test's own), customers, interactions, purchases and complaints written through {@link Records}.
 */
public final class WorkspaceFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private final Records records;
    private final UserAccounts accounts;

    public WorkspaceFixture(Records records, UserAccounts accounts, FormCatalog catalog, FormPublisher publisher) {
        this.records = records;
        this.accounts = accounts;
        if (catalog.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "workspace tests");
        }
    }

    public static String token() {
        return "W" + SEQUENCE.incrementAndGet();
    }

    /** A new account with {@code role}; its display name is {@code displayName}. */
    public Actor user(String displayName, Role role) {
        String username = "u" + token().toLowerCase();
        accounts.create(username, displayName, "pw-" + username + "-Long1", Set.of(role));
        return Actor.of(accounts.findByUsername(username).orElseThrow());
    }

    public Record customer(Actor owner, String name) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", name);
        v.put("customer_type", "company");
        v.put("phone", String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        v.put("account_manager", owner.userId());
        return records.create(owner, "customer", v);
    }

    public Record interaction(Actor actor, long customer, OffsetDateTime at, String summary, LocalDate next) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("channel", "phone");
        v.put("occurred_at", at);
        v.put("summary", summary);
        if (next != null) {
            v.put("next_follow_up", next);
        }
        return records.create(actor, "interaction", v);
    }

    public Record purchase(Actor actor, long customer, LocalDate on, String product, String amount) {
        return records.create(actor, "purchase", Map.of("customer", customer, "purchased_on", on, "product", product,
                "quantity", 1, "amount", Money.of(amount, "CNY")));
    }

    public Record complaint(Actor actor, long customer, OffsetDateTime at, String text, String status) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", text);
        v.put("status", status);
        v.put("handler", actor.userId());
        v.put("received_at", at);
        if (Set.of("resolved", "closed").contains(status)) {
            v.put("first_response_at", at.plusHours(1));
        }
        // Only a complaint's first state may be created by a person; later ones are reached through the complaint
        // workflow. The fixture sets up complaints already in a state, as the platform's data loading does.
        return records.create(status.equals("new") ? actor : Actor.system("workspace-fixture"), "feedback", v);
    }

    public static OffsetDateTime daysAgo(int days) {
        return LocalDate.now().minusDays(days).atTime(10, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
