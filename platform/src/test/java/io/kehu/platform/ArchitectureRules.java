package io.kehu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The platform's package rules, written against a root package so that {@link ArchitectureTest} runs them on the
 * platform and {@link ArchitectureRulesBiteTest} on deliberately bad classes (proof that they fail when they should).
 * A feature is a package {@code <root>.<feature>}; everything below it ({@code <root>.<feature>.<sub>..}) is that
 * feature's inside. None of the rules allows an empty class set (ArchUnit's default {@code failOnEmptyShould}).
 */
final class ArchitectureRules {

    /** The packages of jOOQ and JDBC: only code that owns tables may talk to the database directly. */
    static final String[] DATABASE_ACCESS = {"org.jooq..", "java.sql..", "javax.sql.."};

    private ArchitectureRules() {
    }

    /** No two features depend on each other, directly or through others: each can be understood bottom-up. */
    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1")
                .as("features of " + root + " (" + root + ".<feature>..)")
                .should().beFreeOfCycles();
    }

    /**
     * jOOQ and JDBC are used only by the features that own storage (whole packages) and by a few named classes
     * elsewhere that each own one table (a class and its nested classes).
     */
    static ArchRule databaseAccessOnlyIn(String root, List<String> storageFeatures, Set<String> storageClasses) {
        String[] owning = storageFeatures.stream().map(f -> root + "." + f + "..").toArray(String[]::new);
        return noClasses().that().resideOutsideOfPackages(owning)
                .and(DescribedPredicate.not(ownedBy(storageClasses)))
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE_ACCESS)
                .as("jOOQ and JDBC are used only in " + storageFeatures + " and by " + storageClasses);
    }

    /** Classes in {@code <root>.X.Y..} are used only from {@code <root>.X..}: other code goes through X's front. */
    static ArchRule featuresUseOnlyEachOthersFront(String root) {
        return classes().should(notReachIntoOtherFeaturesInsides(root))
                .as("classes use other features of " + root + " only through their front package");
    }

    private static DescribedPredicate<JavaClass> ownedBy(Set<String> classNames) {
        return DescribedPredicate.describe("one of " + classNames,
                c -> classNames.contains(topLevel(c).getName()));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static ArchCondition<JavaClass> notReachIntoOtherFeaturesInsides(String root) {
        return new ArchCondition<>("use other features only through their front package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String feature = featureOf(root, origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String targetFeature = featureOf(root, target);
                    boolean inside = targetFeature != null && !target.equals(root + "." + targetFeature);
                    if (inside && !targetFeature.equals(feature)) {
                        events.add(SimpleConditionEvent.violated(d, "inside of feature " + targetFeature + ": "
                                + d.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code <root>.forms.internal} → {@code forms}; classes outside a feature → {@code null}. */
    static String featureOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
