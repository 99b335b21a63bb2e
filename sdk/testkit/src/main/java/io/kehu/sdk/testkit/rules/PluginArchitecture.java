package io.kehu.sdk.testkit.rules;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule every plugin's build checks on the plugin's own compiled classes: a plugin depends only on the SDK, the JDK,
 * PF4J's extension annotations, SLF4J (its logger comes from the context), Vaadin (views are Flow components), its own
 * packages and the libraries it ships in {@code lib/} (declared as allowed packages). Never on the platform, Spring,
 * JDBC, jOOQ or the plugin manager: what the platform lends goes through {@code PluginContext}, so it keeps its
 * permission checks, audit trail and transactions in one place.
 *
 * <p>An empty class set is a failure, not a pass: a rule that finds nothing to check proves nothing.
 */
public final class PluginArchitecture {

    /** Packages any plugin may use (with sub-packages). */
    public static final List<String> ALWAYS_ALLOWED = List.of("java", "io.kehu.sdk", "org.pf4j", "org.slf4j",
            "com.vaadin", "elemental");

    /** PF4J types that would give a plugin the host's plugin manager, and with it every other plugin. */
    private static final Set<String> FORBIDDEN = Set.of("org.pf4j.PluginManager", "org.pf4j.DefaultPluginManager",
            "org.pf4j.AbstractPluginManager", "org.pf4j.JarPluginManager", "org.pf4j.ZipPluginManager",
            "org.pf4j.PluginWrapper", "org.pf4j.PluginRepository");

    private PluginArchitecture() {
    }

    /**
     * Imports the classes under {@code classes} (a plugin's {@code target/classes}) and checks the rule.
     *
     * @param allowedPackages packages of the plugin's own libraries (e.g. {@code org.apache.commons.lang3})
     * @throws AssertionError naming every offending dependency, or saying that there were no classes to check
     */
    public static void check(Path classes, Collection<String> allowedPackages) {
        EvaluationResult result = evaluate(classes, allowedPackages);
        if (result.hasViolation()) {
            throw new AssertionError(result.getFailureReport().toString());
        }
    }

    /** Like {@link #check} but returns the result (for tests of the rule itself). */
    public static EvaluationResult evaluate(Path classes, Collection<String> allowedPackages) {
        JavaClasses imported = importClasses(classes);
        return rule(ownPackages(imported), allowedPackages).evaluate(imported);
    }

    /** The rule over classes in {@code ownPackages}, which may also use {@code allowedPackages}. */
    public static ArchRule rule(Collection<String> ownPackages, Collection<String> allowedPackages) {
        List<String> allowed = new ArrayList<>(ALWAYS_ALLOWED);
        allowed.addAll(ownPackages);
        allowedPackages.stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(allowed::add);
        String[] own = ownPackages.stream().map(p -> p + "..").toArray(String[]::new);
        if (own.length == 0) {
            own = new String[] {"(no plugin classes)"};
        }
        return ArchRuleDefinition.classes().that().resideInAnyPackage(own)
                .should(dependOnlyOn(allowed))
                .because("a plugin compiles against sdk/api only and ships its other libraries in lib/ "
                        + "(docs/plugin-guide.md)")
                .allowEmptyShould(false);
    }

    private static JavaClasses importClasses(Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new AssertionError("The plugin's classes " + classes.toAbsolutePath() + " do not exist: nothing "
                    + "to check. Compile the plugin first (mvn test does).");
        }
        // Only the plugin's own classes are read; a dependency's package is known from its name, so the rest of the
        // class path (the whole platform, in a plugin's test) need not be parsed.
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        JavaClasses imported;
        try {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            imported = new ClassFileImporter().importPath(classes);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
        if (imported.isEmpty()) {
            throw new AssertionError("No classes in " + classes.toAbsolutePath() + ": the plugin architecture rule "
                    + "would check nothing, which is a failure, not a pass.");
        }
        return imported;
    }

    /** The packages the plugin's classes live in. */
    private static Set<String> ownPackages(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            packages.add(c.getPackageName());
        }
        return packages;
    }

    private static ArchCondition<JavaClass> dependOnlyOn(List<String> allowed) {
        return new ArchCondition<>("depend only on the SDK, the JDK, PF4J, SLF4J, Vaadin, their own packages and "
                + "allowed libraries " + allowed) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    while (target.isArray()) {
                        target = target.getComponentType();
                    }
                    if (target.isPrimitive()) {
                        continue;
                    }
                    boolean ok = !FORBIDDEN.contains(target.getName()) && isIn(target.getPackageName(), allowed);
                    if (!ok) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isIn(String packageName, List<String> allowed) {
        for (String prefix : allowed) {
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
