package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void roundTripsTheStoredForm() {
        assertThat(Role.parse("STAFF, ADMIN")).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
        assertThat(Role.format(EnumSet.of(Role.STAFF, Role.ADMIN))).isEqualTo("ADMIN,STAFF");
        assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
    }

    @Test
    void refusesUnknownRoles() {
        assertThatThrownBy(() -> Role.parse("ADMIN,ROOT")).isInstanceOf(IllegalArgumentException.class);
    }
}
