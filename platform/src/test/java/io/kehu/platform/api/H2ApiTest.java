package io.kehu.platform.api;

import io.kehu.platform.support.KehuServerTest;

/** The API contract on the embedded H2 database. */
@KehuServerTest
class H2ApiTest extends ApiContract {
}
