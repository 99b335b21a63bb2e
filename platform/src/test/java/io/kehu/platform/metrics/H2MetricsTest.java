package io.kehu.platform.metrics;

import io.kehu.platform.support.KehuTest;
import org.springframework.test.context.TestPropertySource;

/** The metrics on the default database: embedded H2. */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class H2MetricsTest extends MetricsContract {
}
