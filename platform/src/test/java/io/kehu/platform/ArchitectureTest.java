package io.kehu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The module rules the build enforces: the SDK knows nothing of the platform, and platform features use each other's
 * public front package, never their internals. That plugins use only the SDK is checked in each plugin's own build
 * (the testkit's {@code PluginArchitectureTest}, inherited from the plugins parent pom), where their classes exist.
 */
class ArchitectureTest {

    private static final String PLATFORM = "io.kehu.platform";

    private static final JavaClasses PLATFORM_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLATFORM, "io.kehu.sdk");

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
}
