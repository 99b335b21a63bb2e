package io.kehu.sdk.services;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plugin's own services (state shared by its views, jobs and listeners), one instance per type while the plugin
 * runs: what a plugin would otherwise keep in a static field, which would outlive a disable, an upgrade and the plugin's
 * class loader. The platform empties the registry when the plugin stops, closing services that are
 * {@link AutoCloseable}.
 *
 * <pre>{@code
 * // in the KehuPlugin's start(), or lazily from any extension:
 * TieringService service = context.services().get(TieringService.class, () -> new TieringService(context));
 * }</pre>
 */
public interface PluginServices {

    /** The service of {@code type}, created by {@code create} the first time it is asked for. */
    <T> T get(Class<T> type, Supplier<? extends T> create);

    /** The service of {@code type} if one was created. */
    <T> Optional<T> find(Class<T> type);

    /** Registers {@code service} as the one of {@code type}, replacing (and closing) an earlier one. */
    <T> void put(Class<T> type, T service);
}
