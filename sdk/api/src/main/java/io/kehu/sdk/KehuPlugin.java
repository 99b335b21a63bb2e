package io.kehu.sdk;

import org.pf4j.Plugin;

/**
 * The optional main class of a plugin ({@code Plugin-Class}): gives {@link #start()} and {@link #stop()} access to
 * the {@link PluginContext}. Most plugins need no main class of their own and only contribute extensions; PF4J's
 * {@code Plugin} is used then.
 *
 * <pre>{@code
 * public class HelloPlugin extends KehuPlugin {
 *     public HelloPlugin(PluginContext context) { super(context); }
 *     @Override public void start() { context().logger().info("Hello from {}", context().pluginId()); }
 * }
 * }</pre>
 */
public abstract class KehuPlugin extends Plugin {

    private final PluginContext context;

    protected KehuPlugin(PluginContext context) {
        this.context = context;
    }

    /** What the platform lends this plugin. */
    protected final PluginContext context() {
        return context;
    }
}
