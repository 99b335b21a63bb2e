package io.kehu.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link KehuTest} on PostgreSQL: test classes with this annotation and otherwise the same configuration share one
 * Kehu on one throw-away database of the local server ({@link SharedPostgres}), as their H2 twins share one on H2.
 * Before, each class declared its own database and {@code @DirtiesContext}, which cost a Spring start, a database and
 * a Flyway migration per class. A class that changes the database itself (its settings) or needs it to itself keeps
 * its own database and context instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KehuTest
@ContextConfiguration(initializers = SharedPostgres.class)
public @interface KehuPostgresTest {
}
