package io.kehu.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Kehu (mock web environment) on a fresh embedded H2 file database under {@code target/test-data}, with known
 * first-start passwords and no seeded forms (tests publish the forms they need). Contexts are cached between test
 * classes that use the same annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "server.port=0",
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
public @interface KehuTest {
}
