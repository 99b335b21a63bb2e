package io.kehu.platform.imports;

import io.kehu.platform.records.RecordGuard;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A guard that makes the process "die" (an unexpected exception inside a chunk) at a chosen record name. */
@TestConfiguration(proxyBeanMethods = false)
class ImportsTestConfiguration {

    static final AtomicReference<String> CRASH_AT_NAME = new AtomicReference<>();

    @Bean
    RecordGuard crashingGuard() {
        return change -> {
            if (change.values().get("name") != null && change.values().get("name").equals(CRASH_AT_NAME.get())) {
                throw new IllegalStateException("simulated crash at " + CRASH_AT_NAME.get());
            }
            return Optional.empty();
        };
    }
}
