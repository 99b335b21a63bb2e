package io.kehu.platform.rules;

/**
 * A named set of functions a plugin offers to rules, e.g. name {@code tiering} with an object whose public method
 * {@code levelFor(BigDecimal)} rules call as {@code tiering.levelFor(record.annual_spend)}. Register one as a Spring
 * bean (the plugin host bridges the SDK's extension point to this).
 *
 * <p>The sandbox checks calls into it like any other: rules may call the public methods declared by the object's own
 * class (a public class), and only when their parameter and return types are types rules may use (texts, numbers,
 * dates, booleans, lists, maps). Those methods must return quickly and must not hand out platform objects.
 */
public interface RuleFunctions {

    /** The name rules use, an identifier such as {@code tiering}; must not clash with rule variables. */
    String name();

    /** The object whose public methods rules call. */
    Object functions();
}
