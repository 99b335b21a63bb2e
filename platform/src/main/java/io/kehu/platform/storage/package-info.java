/**
 * Storage: where Kehu keeps its data. Chooses the embedded H2 file database (default) or PostgreSQL from
 * configuration only, and exposes one jOOQ {@code DSLContext} that joins Spring-managed transactions.
 * Platform tables come from Flyway migrations in {@code db/migration}.
 */
package io.kehu.platform.storage;
