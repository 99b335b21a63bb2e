package io.kehu.platform.calendar;

import io.kehu.platform.support.KehuTest;

/** The company calendar on embedded H2. */
@KehuTest
class H2CompanyCalendarsTest extends CompanyCalendarsContract {
}
