package io.kehu.platform.records;

import io.kehu.platform.support.KehuTest;

/** The single-and-bulk write checks on embedded H2. */
@KehuTest
class H2WriteChecksTest extends WriteChecksContract {
}
