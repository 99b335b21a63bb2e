package io.kehu.platform.rules;

import io.kehu.platform.rules.script.RelatedRecords;
import io.kehu.platform.rules.script.RuleRecord;
import io.kehu.platform.rules.script.RuleScript;
import io.kehu.platform.rules.script.RuleUser;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.transform.stc.ExtensionMethodNode;

/**
 * What a statically compiled rule may touch: the types any of its expressions may have, the classes it may name
 * ({@code Math.max}, {@code LocalDate.of}), and the methods it may call, as {@code Owner#name} where the owner is the
 * declaring class (or, for Groovy's extension methods, the receiver type). Anything else is refused at compile time.
 * Methods that can run long or allocate without bound in one call ({@code String.repeat}, {@code multiply} on texts
 * and lists, {@code BigInteger.pow}, {@code matches} with its backtracking, {@code join}, {@code collect}, padding)
 * are deliberately absent.
 */
final class Allowlist {

    private static final String SBA = "org.codehaus.groovy.runtime.ScriptBytecodeAdapter";

    private static final Set<String> TYPES = Set.of("java.lang.Object", "java.lang.String", "java.lang.CharSequence",
            "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Number",
            "java.lang.Comparable", "java.math.BigDecimal", "java.math.RoundingMode", "java.time.LocalDate",
            "java.time.OffsetDateTime", "java.time.LocalDateTime", "java.util.List", "java.util.ArrayList",
            "java.util.Map", "java.util.LinkedHashMap", "java.util.Set", "java.util.LinkedHashSet",
            "java.util.Collection", "java.lang.Iterable", "groovy.lang.Closure", "java.lang.Void",
            RuleRecord.class.getName(), RuleUser.class.getName(), RelatedRecords.class.getName());

    private static final Set<String> NAMED_CLASSES = Set.of("java.lang.Math", "java.time.LocalDate",
            "java.math.BigDecimal", "java.math.RoundingMode");

    private static final Set<String> FACADES = Set.of(RuleRecord.class.getName(), RuleUser.class.getName(),
            RelatedRecords.class.getName());

    private static final Set<String> METHODS = Set.copyOf(List.of(
            // texts
            "java.lang.String#length", "java.lang.String#isEmpty", "java.lang.String#isBlank", "java.lang.String#trim",
            "java.lang.String#strip", "java.lang.String#toUpperCase", "java.lang.String#toLowerCase",
            "java.lang.String#startsWith", "java.lang.String#endsWith", "java.lang.String#contains",
            "java.lang.String#equalsIgnoreCase", "java.lang.String#substring", "java.lang.String#indexOf",
            "java.lang.String#charAt", "java.lang.String#equals", "java.lang.String#compareTo",
            "java.lang.CharSequence#length", "java.lang.CharSequence#isEmpty", "java.lang.CharSequence#size",
            "java.lang.CharSequence#isNumber", "java.lang.CharSequence#isBigDecimal",
            "java.lang.CharSequence#toBigDecimal", "java.lang.CharSequence#toLong", "java.lang.CharSequence#toInteger",
            "java.lang.CharSequence#take", "java.lang.CharSequence#drop", "java.lang.CharSequence#asBoolean",
            "java.lang.CharSequence#isAllWhitespace", "java.lang.String#isCase", "java.lang.CharSequence#isCase",
            "java.lang.String#size", "java.lang.String#isNumber", "java.lang.String#toBigDecimal",
            "java.lang.String#toLong", "java.lang.String#toInteger", "java.lang.String#take", "java.lang.String#drop",
            // numbers
            "java.math.BigDecimal#compareTo", "java.math.BigDecimal#abs", "java.math.BigDecimal#negate",
            "java.math.BigDecimal#signum", "java.math.BigDecimal#intValue", "java.math.BigDecimal#longValue",
            "java.math.BigDecimal#equals", "java.math.BigDecimal#max", "java.math.BigDecimal#min",
            "java.math.BigDecimal#valueOf", "java.math.BigDecimal#doubleValue", "java.lang.Number#intValue",
            "java.lang.Number#longValue", "java.lang.Number#doubleValue", "java.lang.Number#abs",
            "java.lang.Number#toBigDecimal", "java.lang.Number#toLong", "java.lang.Number#toInteger",
            "java.lang.Number#asBoolean", "java.lang.Number#intdiv", "java.lang.Number#mod",
            "java.lang.Integer#compareTo", "java.lang.Integer#intValue", "java.lang.Integer#longValue",
            "java.lang.Long#compareTo", "java.lang.Long#intValue", "java.lang.Long#longValue",
            "java.lang.Integer#equals", "java.lang.Long#equals", "java.lang.Boolean#booleanValue",
            "java.lang.Boolean#asBoolean", "java.lang.Math#max", "java.lang.Math#min", "java.lang.Math#abs",
            "java.lang.Math#round", "java.lang.Math#floor", "java.lang.Math#ceil",
            // dates
            "java.time.LocalDate#of", "java.time.LocalDate#parse", "java.time.LocalDate#isBefore",
            "java.time.LocalDate#isAfter", "java.time.LocalDate#isEqual", "java.time.LocalDate#plusDays",
            "java.time.LocalDate#minusDays", "java.time.LocalDate#plusWeeks", "java.time.LocalDate#minusWeeks",
            "java.time.LocalDate#plusMonths", "java.time.LocalDate#minusMonths", "java.time.LocalDate#plusYears",
            "java.time.LocalDate#minusYears", "java.time.LocalDate#getYear", "java.time.LocalDate#getMonthValue",
            "java.time.LocalDate#getDayOfMonth", "java.time.LocalDate#getDayOfYear",
            "java.time.LocalDate#lengthOfMonth", "java.time.LocalDate#compareTo", "java.time.LocalDate#equals",
            "java.time.chrono.ChronoLocalDate#compareTo", "java.time.chrono.ChronoLocalDate#isBefore",
            "java.time.chrono.ChronoLocalDate#isAfter", "java.time.OffsetDateTime#isBefore",
            "java.time.OffsetDateTime#isAfter", "java.time.OffsetDateTime#isEqual",
            "java.time.OffsetDateTime#toLocalDate", "java.time.OffsetDateTime#toLocalDateTime",
            "java.time.OffsetDateTime#plusDays", "java.time.OffsetDateTime#minusDays",
            "java.time.OffsetDateTime#plusHours", "java.time.OffsetDateTime#minusHours",
            "java.time.OffsetDateTime#getYear", "java.time.OffsetDateTime#getHour",
            "java.time.OffsetDateTime#compareTo", "java.time.OffsetDateTime#equals",
            "java.time.LocalDateTime#toLocalDate", "java.time.LocalDateTime#isBefore",
            "java.time.LocalDateTime#isAfter",
            // collections: reading and predicates, no growth
            "java.util.List#size", "java.util.List#isEmpty", "java.util.List#contains", "java.util.List#get",
            "java.util.Collection#size", "java.util.Collection#isEmpty", "java.util.Collection#contains",
            "java.util.Set#size", "java.util.Set#isEmpty", "java.util.Set#contains", "java.util.Map#get",
            "java.util.Map#containsKey", "java.util.Map#size", "java.util.Map#isEmpty", "java.util.Map#getAt",
            "java.util.List#getAt", "java.util.Collection#isCase", "java.util.Collection#asBoolean",
            "java.util.Map#asBoolean", "java.lang.Iterable#any", "java.lang.Iterable#every",
            "java.lang.Iterable#find", "java.lang.Iterable#findAll", "java.lang.Iterable#count",
            "java.lang.Iterable#first", "java.lang.Iterable#last", "java.lang.Iterable#max",
            "java.lang.Iterable#min", "java.lang.Iterable#contains", "java.util.Collection#find",
            "java.util.Collection#findAll", "java.util.List#findAll", "java.util.List#first", "java.util.List#last",
            "java.util.Set#findAll", "java.util.List#getAt",
            // operators, as static compilation writes them
            SBA + "#compareEqual", SBA + "#compareNotEqual", SBA + "#compareLessThan", SBA + "#compareLessThanEqual",
            SBA + "#compareGreaterThan", SBA + "#compareGreaterThanEqual", SBA + "#compareTo",
            SBA + "#compareIdentical", SBA + "#compareNotIdentical", SBA + "#isCase",
            // anything
            "java.lang.Object#asBoolean", "java.lang.Object#isCase", "java.lang.Object#equals",
            "java.lang.Object#toString"));

    private final Set<String> functionClasses;

    Allowlist(Collection<Class<?>> functionClasses) {
        this.functionClasses = Set.copyOf(functionClasses.stream().map(Class::getName).toList());
    }

    /** Whether a rule's expression may have this type (primitives always). */
    boolean type(ClassNode type, ClassNode scriptClass) {
        if (type == null || ClassHelper.isPrimitiveType(type) || type.isGenericsPlaceHolder()) {
            return true;
        }
        if (type.isArray()) {
            return false;
        }
        String name = type.redirect().getName();
        return TYPES.contains(name) || functionClasses.contains(name) || name.equals(scriptClass.getName())
                || name.equals(RuleScript.class.getName());
    }

    /** Whether a rule may name this class, e.g. {@code Math} in {@code Math.max(a, b)}. */
    boolean namedClass(ClassNode type) {
        return NAMED_CLASSES.contains(type.redirect().getName());
    }

    /** Whether a rule may call {@code method} (its resolved target after type checking). */
    boolean method(MethodNode method) {
        if (method instanceof ExtensionMethodNode extension) {
            MethodNode real = extension.getExtensionMethodNode();
            if (real.getParameters().length == 0) {
                return false;
            }
            return METHODS.contains(real.getParameters()[0].getType().redirect().getName() + "#" + method.getName());
        }
        String owner = method.getDeclaringClass().redirect().getName();
        if (owner.equals(RuleScript.class.getName())) {
            return RuleScript.SCRIPT_METHODS.contains(method.getName());
        }
        if (FACADES.contains(owner) || functionClasses.contains(owner)) {
            return method.isPublic();
        }
        return METHODS.contains(owner + "#" + method.getName());
    }
}
