package io.kehu.sdk.scripts;

import org.pf4j.ExtensionPoint;

/**
 * Functions a plugin offers to the form rules (Groovy): the rules see {@link #functions()} under {@link #name()},
 * e.g. {@code tiering.levelFor(record.total_spent)}. The rule sandbox allows the public methods of the functions
 * object's class only; keep them quick, side-effect free and on simple types.
 *
 * <pre>{@code
 * @Extension
 * public class TieringFunctions implements ScriptFunctions {
 *     public String name() { return "tiering"; }
 *     public Object functions() { return new Tiers(); }
 *     public static class Tiers { public String levelFor(BigDecimal spent) { ... } }
 * }
 * }</pre>
 */
public interface ScriptFunctions extends ExtensionPoint {

    /** The name rules use, {@code [a-z][a-zA-Z0-9]*}; unique across plugins (the first plugin to claim it wins). */
    String name();

    /** The object whose public methods the rules may call. */
    Object functions();
}
