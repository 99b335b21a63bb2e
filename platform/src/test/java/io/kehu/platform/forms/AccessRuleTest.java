package io.kehu.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    private static final Set<Role> STAFF = Set.of(Role.STAFF);
    private static final Set<Role> MANAGER = Set.of(Role.MANAGER);
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

    @Test
    void unrestrictedLetsEveryoneReadAndWrite() {
        assertThat(AccessRule.UNRESTRICTED.mayRead(STAFF)).isTrue();
        assertThat(AccessRule.UNRESTRICTED.mayWrite(STAFF)).isTrue();
    }

    @Test
    void aReadRestrictionWithoutWriteListAlsoRestrictsWriting() {
        AccessRule managersOnly = new AccessRule(Set.of(Role.MANAGER), Set.of());

        assertThat(managersOnly.mayRead(STAFF)).isFalse();
        assertThat(managersOnly.mayWrite(STAFF)).isFalse();
        assertThat(managersOnly.mayRead(MANAGER)).isTrue();
        assertThat(managersOnly.mayWrite(MANAGER)).isTrue();
    }

    @Test
    void writersMayReadAndReadersMayNotWrite() {
        AccessRule rule = new AccessRule(Set.of(Role.MANAGER), Set.of(Role.ADMIN));

        assertThat(rule.mayRead(ADMIN)).isTrue();
        assertThat(rule.mayWrite(ADMIN)).isTrue();
        assertThat(rule.mayRead(MANAGER)).isTrue();
        assertThat(rule.mayWrite(MANAGER)).isFalse();
        assertThat(rule.mayRead(STAFF)).isFalse();
    }

    @Test
    void aWriteListAloneLeavesReadingOpen() {
        AccessRule rule = new AccessRule(Set.of(), Set.of(Role.ADMIN));

        assertThat(rule.mayRead(STAFF)).isTrue();
        assertThat(rule.mayWrite(STAFF)).isFalse();
    }
}
