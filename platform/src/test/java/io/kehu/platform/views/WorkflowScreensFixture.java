package io.kehu.platform.views;

import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Complaints (the shipped {@code feedback} form, bound to {@code complaint_handling}) and extra users for tests. */
final class WorkflowScreensFixture {

    private WorkflowScreensFixture() {
    }

    /** A new complaint logged by {@code staff} about a customer they manage. */
    static Record complaint(Records records, Actor staff, String description) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", ScreensFixture.token() + " 食品");
        c.put("customer_type", "company");
        c.put("phone", ScreensFixture.phone());
        c.put("account_manager", staff.userId());
        long customer = records.create(staff, "customer", c).id();
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", description);
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        return records.create(staff, "feedback", v);
    }

    /**
     * A new ADMIN-only account: it sees every record but is never chosen for a workflow task (the shipped tasks go to
     * STAFF or MANAGER), so other tests' assignments do not change.
     */
    static Actor admin(UserAccounts accounts, String displayName) {
        String username = "wf" + ScreensFixture.token().toLowerCase(java.util.Locale.ROOT);
        return Actor.of(accounts.create(username, displayName, "pw-" + username + "-Long1", Set.of(Role.ADMIN)));
    }
}
