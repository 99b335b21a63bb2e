package io.kehu.platform.calendar;

import io.kehu.platform.support.KehuPostgresTest;

/** The company calendar on PostgreSQL, in a Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresCompanyCalendarsTest extends CompanyCalendarsContract {
}
