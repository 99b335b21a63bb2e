package io.kehu.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Kehu behind a real HTTP server on a random port, on a fresh embedded H2 file database, no seeded forms and
 * no demo customers: for tests that talk to it over HTTP (sign-in, error pages, the API). One annotation, so all of
 * them share one context. The API contracts keep a context of their own (their tokens must not meet the sign-in
 * tests' state); the lowered API rate limit stays so that this context matches theirs in everything else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.demo.customers=0",
        "kehu.api.requests-per-minute=300",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
public @interface KehuServerTest {
}
