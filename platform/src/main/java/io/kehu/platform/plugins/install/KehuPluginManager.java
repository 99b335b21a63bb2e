package io.kehu.platform.plugins.install;

import io.kehu.sdk.PluginContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.function.Function;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J's {@link DefaultPluginManager}, chosen over {@code JarPluginManager} because it loads both packagings an admin
 * may upload: jars with {@code Plugin-*} manifest entries (what the plugins parent pom builds) and zips with
 * {@code plugin.properties}, {@code classes/} and {@code lib/} (a plugin with third-party libraries). Adapted to the
 * host in three ways:
 * <ul>
 * <li>plugin classes and extensions get their {@link PluginContext} through a constructor parameter;</li>
 * <li>whether a plugin is enabled is the host's decision, kept in the database, not PF4J's {@code disabled.txt};</li>
 * <li>a plugin that cannot be resolved (e.g. a missing dependency) is skipped instead of failing all others.</li>
 * </ul>
 */
public final class KehuPluginManager extends DefaultPluginManager {

    private final Function<PluginWrapper, PluginContext> contexts;

    KehuPluginManager(Path pluginsRoot, Function<PluginWrapper, PluginContext> contexts) {
        super(pluginsRoot);
        this.contexts = contexts;
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return PluginDescriptors.finder();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                // The host keeps the enabled flag in kehu_plugin.
            }

            @Override
            public void enablePlugin(String pluginId) {
                // The host keeps the enabled flag in kehu_plugin.
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new ContextPluginFactory();
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new ContextExtensionFactory();
    }

    private PluginContext contextOf(PluginWrapper wrapper) {
        return contexts.apply(wrapper);
    }

    /** Creates {@code type} with its {@code (PluginContext)} constructor if it has one, else its no-argument one. */
    private static <T> T instantiate(Class<T> type, PluginContext context) {
        try {
            Constructor<T> withContext;
            try {
                withContext = type.getConstructor(PluginContext.class);
            } catch (NoSuchMethodException none) {
                return type.getDeclaredConstructor().newInstance();
            }
            return withContext.newInstance(context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new PluginRuntimeException(cause, "{} failed while being created: {}", type.getName(), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginRuntimeException(e, "{} cannot be created: {}", type.getName(), e);
        }
    }

    /** Plugin main classes: PF4J's rules, plus the {@code (PluginContext)} constructor of {@code KehuPlugin}. */
    private final class ContextPluginFactory extends DefaultPluginFactory {
        @Override
        public Plugin create(PluginWrapper wrapper) {
            String className = wrapper.getDescriptor().getPluginClass();
            if (className == null || className.isBlank() || className.equals(Plugin.class.getName())) {
                return new Plugin();
            }
            Class<?> type;
            try {
                type = wrapper.getPluginClassLoader().loadClass(className);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginRuntimeException(e, "Plugin-Class {} cannot be loaded: {}", className, e);
            }
            if (!Plugin.class.isAssignableFrom(type)) {
                throw new PluginRuntimeException("Plugin-Class {} does not extend org.pf4j.Plugin", className);
            }
            return (Plugin) instantiate(type, contextOf(wrapper));
        }
    }

    /** Extensions: a new instance per call; the host calls once per start and keeps the instances. */
    private final class ContextExtensionFactory implements ExtensionFactory {
        @Override
        public <T> T create(Class<T> extensionClass) {
            PluginWrapper wrapper = whichPlugin(extensionClass);
            return instantiate(extensionClass, wrapper == null ? null : contextOf(wrapper));
        }
    }
}
