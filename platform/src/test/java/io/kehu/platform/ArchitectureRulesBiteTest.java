package io.kehu.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.kehu.archfixture.alpha.Alpha;
import io.kehu.archfixture.beta.Beta;
import io.kehu.archfixture.beta.inside.Hidden;
import io.kehu.archfixture.shop.Shop;
import io.kehu.archfixture.storage.Store;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each of {@link ArchitectureRules} fails on the deliberately bad classes of {@code io.kehu.archfixture}, passes once
 * the bad class is left out, and fails on an empty class set (a rule that checks nothing must not pass).
 */
class ArchitectureRulesBiteTest {

    private static final String ROOT = "io.kehu.archfixture";

    private static final ArchRule CYCLES = ArchitectureRules.featuresAreFreeOfCycles(ROOT);
    private static final ArchRule FRONTS = ArchitectureRules.featuresUseOnlyEachOthersFront(ROOT);
    private static final ArchRule DATABASE =
            ArchitectureRules.databaseAccessOnlyIn(ROOT, List.of("storage"), Set.of());

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThatThrownBy(() -> CYCLES.check(classes(Alpha.class, Beta.class, Hidden.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("feature alpha")
                .hasMessageContaining("feature beta");
        assertThatCode(() -> CYCLES.check(classes(Beta.class, Hidden.class, Shop.class, Store.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void usingAnotherFeaturesInsideFails() {
        assertThatThrownBy(() -> FRONTS.check(classes(Alpha.class, Beta.class, Hidden.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Alpha.class.getName())
                .hasMessageContaining(Hidden.class.getName())
                .hasMessageNotContaining("Method <" + Beta.class.getName());
        assertThatCode(() -> FRONTS.check(classes(Beta.class, Hidden.class))).doesNotThrowAnyException();
    }

    @Test
    void jdbcOutsideTheStorageFeaturesFails() {
        assertThatThrownBy(() -> DATABASE.check(classes(Shop.class, Store.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Shop.class.getName())
                .hasMessageContaining("java.sql.Connection")
                .hasMessageNotContaining("Class <" + Store.class.getName());
        assertThatCode(() -> DATABASE.check(classes(Alpha.class, Store.class))).doesNotThrowAnyException();
        // A class named as a storage owner may use the database even outside the storage features.
        ArchRule shopOwnsATable = ArchitectureRules.databaseAccessOnlyIn(ROOT, List.of("storage"),
                Set.of(Shop.class.getName()));
        assertThatCode(() -> shopOwnsATable.check(classes(Alpha.class, Shop.class, Store.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void noRulePassesOnAnEmptyClassSet() {
        JavaClasses none = new ClassFileImporter().importClasses(List.of());
        for (ArchRule rule : List.of(CYCLES, FRONTS, DATABASE)) {
            assertThatThrownBy(() -> rule.check(none)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
