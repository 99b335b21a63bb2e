package io.kehu.platform.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one address may open plugins' public pages ({@code PublicPage}): at most
 * {@code kehu.plugins.public-page-limit-per-minute} (default 30) per calendar minute, so a link cannot be guessed or a
 * survey flooded at machine speed. Counters of past minutes are dropped as new ones start.
 */
@Component
class PublicPageLimits {

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    PublicPageLimits(@Value("${kehu.plugins.public-page-limit-per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts one visit from {@code address}; false when it is over the limit. */
    boolean allow(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(address == null ? "" : address, (k, old) ->
                old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        return w.count() <= perMinute;
    }
}
