package io.kehu.platform.plugins.locks;

import io.kehu.platform.support.KehuTest;

/** Plugin locks on embedded H2. */
@KehuTest
class H2PluginLocksTest extends PluginLocksContract {
}
