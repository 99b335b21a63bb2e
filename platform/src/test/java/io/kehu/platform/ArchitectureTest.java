package io.kehu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules the build enforces: plugins reach the platform only through the SDK, the SDK knows nothing of the
 * platform, and platform features use each other's public front package, never their internals.
 */
class ArchitectureTest {

    private static final String PLATFORM = "io.kehu.platform";

    private static final JavaClasses PLATFORM_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLATFORM, "io.kehu.sdk");

    /** Plugins may not touch the platform, Spring, JDBC, jOOQ or the plugin manager: only the SDK. */
    static ArchRule pluginsUseOnlyTheSdk() {
        return noClasses().that().resideInAPackage("io.kehu.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        PLATFORM + "..", "org.springframework..", "java.sql..", "javax.sql..", "org.jooq..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.pf4j.PluginManager")
                .because("plugins compile against sdk/api only (docs/plugin-guide.md)")
                .allowEmptyShould(true);
    }

    @Test
    void builtPluginsUseOnlyTheSdk() throws IOException {
        pluginsUseOnlyTheSdk().check(new ClassFileImporter().importPaths(builtPluginClassDirectories()));
    }

    @Test
    void thePluginRuleCatchesAPluginReachingIntoThePlatform() {
        JavaClasses naughty = new ClassFileImporter().importClasses(
                io.kehu.plugins.fixture.NaughtyPluginExtension.class);
        assertThat(pluginsUseOnlyTheSdk().evaluate(naughty).hasViolation()).isTrue();
    }

    @Test
    void theSdkDoesNotKnowThePlatform() {
        noClasses().that().resideInAPackage("io.kehu.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORM + "..", "org.springframework..")
                .check(PLATFORM_CLASSES);
    }

    @Test
    void featuresUseOnlyEachOthersFrontPackage() {
        ArchRuleDefinition.classes().that().resideInAPackage(PLATFORM + ".(*)..")
                .should(notReachIntoOtherFeaturesInternals())
                .check(PLATFORM_CLASSES);
    }

    private static ArchCondition<JavaClass> notReachIntoOtherFeaturesInternals() {
        return new ArchCondition<>("use other features only through their front package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String feature = featureOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String targetFeature = featureOf(target);
                    boolean internal = targetFeature != null && !targetFeature.equals(feature)
                            && !target.equals(PLATFORM + "." + targetFeature);
                    if (internal) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code io.kehu.platform.forms.internal} → {@code forms}; classes outside a feature → {@code null}. */
    private static String featureOf(String packageName) {
        if (!packageName.startsWith(PLATFORM + ".")) {
            return null;
        }
        String rest = packageName.substring(PLATFORM.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The compiled classes of every plugin module (the reactor builds plugins before the platform). */
    private static List<Path> builtPluginClassDirectories() throws IOException {
        Path plugins = Path.of("..", "plugins");
        if (!Files.isDirectory(plugins)) {
            return List.of();
        }
        try (Stream<Path> modules = Files.list(plugins)) {
            return modules.map(m -> m.resolve("target/classes")).filter(Files::isDirectory).toList();
        }
    }
}
