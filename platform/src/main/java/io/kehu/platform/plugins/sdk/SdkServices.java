package io.kehu.platform.plugins.sdk;

import io.kehu.sdk.services.PluginServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** {@link PluginServices}: one instance per type while the plugin runs; emptied (and closed) when it stops. */
public final class SdkServices implements PluginServices {

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final Logger logger;

    SdkServices(Logger logger) {
        this.logger = logger;
    }

    @Override
    public <T> T get(Class<T> type, Supplier<? extends T> create) {
        return type.cast(services.computeIfAbsent(type, t -> {
            T created = create.get();
            if (created == null) {
                throw new IllegalStateException("The supplier of " + type.getName() + " returned null");
            }
            return created;
        }));
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public <T> void put(Class<T> type, T service) {
        Object previous = services.put(type, type.cast(service));
        if (previous != null && previous != service) {
            close(previous);
        }
    }

    /** Forgets every service, closing those that are {@link AutoCloseable}. */
    void clear() {
        List<Object> all = new ArrayList<>(services.values());
        services.clear();
        all.forEach(this::close);
    }

    private void close(Object service) {
        if (service instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                logger.warn("Closing {} failed: {}", service.getClass().getName(), e.toString());
            }
        }
    }
}
