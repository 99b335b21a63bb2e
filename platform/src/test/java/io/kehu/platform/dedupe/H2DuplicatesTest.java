package io.kehu.platform.dedupe;

import io.kehu.platform.support.KehuTest;

/** Duplicates and merge on the default database: embedded H2. */
@KehuTest
class H2DuplicatesTest extends DuplicatesContract {
}
