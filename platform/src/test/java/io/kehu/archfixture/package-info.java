/**
 * Deliberately bad classes for {@code io.kehu.platform.ArchitectureRulesBiteTest}: features {@code alpha} and
 * {@code beta} depend on each other, {@code alpha} uses {@code beta}'s inside, {@code shop} talks to the database.
 * Outside {@code io.kehu.platform}, so neither the real architecture test nor Spring's scanning ever sees them.
 */
package io.kehu.archfixture;
