package io.kehu.platform.security;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no account yet) creates the administrator and, unless switched off, the demo users
 * {@code manager} and {@code staff} (on the manager's team). Passwords come from {@code KEHU_ADMIN_PASSWORD} /
 * {@code KEHU_DEMO_PASSWORD}; a missing one is generated and printed once in the log, never stored in clear.
 */
@Component
@Order(10)
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final Teams teams;
    private final Environment env;

    InitialAccounts(UserAccounts accounts, Teams teams, Environment env) {
        this.accounts = accounts;
        this.teams = teams;
        this.env = env;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        StringBuilder printed = new StringBuilder();
        String adminPassword = passwordFrom("kehu.accounts.admin-password", "admin", printed);
        accounts.create("admin", "系统管理员 Administrator", adminPassword, Set.of(Role.ADMIN));
        if (env.getProperty("kehu.accounts.demo-users", Boolean.class, true)) {
            String demoPassword = passwordFrom("kehu.accounts.demo-password", "manager, staff", printed);
            UserAccount manager = accounts.create("manager", "王芳 Wang Fang", demoPassword, Set.of(Role.MANAGER));
            UserAccount staff = accounts.create("staff", "李强 Li Qiang", demoPassword, Set.of(Role.STAFF));
            // The demo staff member is on the demo manager's team: her team inbox and escalations are about him.
            teams.assign(Actor.system("first-start"), staff.id(), manager.id());
        }
        if (!printed.isEmpty()) {
            log.warn("""

                    ================================================================
                     Kehu created its first accounts. Note these passwords now:
                     they are shown only this once.
                    {}================================================================""", printed);
        }
    }

    private String passwordFrom(String property, String who, StringBuilder printed) {
        String configured = env.getProperty(property, "");
        if (!configured.isBlank()) {
            return configured;
        }
        String generated = generate();
        printed.append("   ").append(who).append(" : ").append(generated).append('\n');
        return generated;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
