package io.kehu.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a whole Kehu started in-process on a fresh H2 database, with the plugin under test packed
 * from the module's build output ({@code target/classes}) into a real plugin file, installed and started by the real
 * plugin host. Test methods (and lifecycle methods) receive the running host as a {@link KehuTestHost} parameter:
 *
 * <pre>{@code
 * @KehuPluginTest
 * class GreetingPluginTest {
 *     @Test
 *     void greetsNewCustomers(KehuTestHost kehu) {
 *         var customer = kehu.recordsAs("staff").create("customer", Map.of("name", "上海明德", ...));
 *         assertThat(kehu.context().records().search("interaction").where("customer", EQUALS, customer.id()).list())
 *                 .hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Test classes with the same settings share one Kehu (start-up takes a few seconds), so tests should create their
 * own records rather than expect an empty database. The plugin's identity comes from the system properties the Kehu
 * plugins parent pom passes to Surefire ({@code kehu.plugin.id}, {@code kehu.plugin.class}, ...; see
 * {@link PluginUnderTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KehuPluginExtension.class)
public @interface KehuPluginTest {

    /** Demo customers generated at start (with contacts, interactions, purchases and feedback); none by default. */
    int demoCustomers() default 0;

    /** Whether the shipped forms (customer, contact_person, interaction, purchase, feedback) are published. */
    boolean seedForms() default true;

    /**
     * Other plugin files installed before the plugin under test, e.g. plugins it depends on: paths relative to the
     * module directory, such as {@code ../loyalty/target/kehu-plugin-loyalty-0.1.0-SNAPSHOT.jar}.
     */
    String[] otherPlugins() default {};

    /**
     * Runs on a throw-away PostgreSQL database ({@link ThrowAwayPostgres}: {@code KEHU_TEST_PG_URL}, default the
     * local server's {@code test}; created for the run, dropped at its end) instead of H2. When PostgreSQL cannot be
     * reached the tests are skipped with the reason. The usual way to run an H2 test class on both databases:
     *
     * <pre>{@code
     * @KehuPluginTest(postgres = true)
     * class AwardsPostgresTest extends AwardsTest { }
     * }</pre>
     */
    boolean postgres() default false;
}
