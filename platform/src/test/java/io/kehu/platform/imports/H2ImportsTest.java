package io.kehu.platform.imports;

import io.kehu.platform.support.KehuTest;

/** Imports on the default database: embedded H2. */
@KehuTest
class H2ImportsTest extends ImportsContract {
}
