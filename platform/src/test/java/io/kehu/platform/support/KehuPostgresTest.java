package io.kehu.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link KehuTest} on PostgreSQL: every test class with this annotation shares one Kehu on one throw-away database of
 * the local server ({@link SharedPostgres}), as the H2 twins of these classes share one on H2. One context instead of
 * one per class saves a Spring start and a Flyway migration of an empty database per class. A class that changes the
 * database itself (settings, a schema of its own) keeps its own database and context instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KehuTest
@ContextConfiguration(initializers = SharedPostgres.class)
public @interface KehuPostgresTest {
}
