package io.kehu.platform.views;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What filter and editor controls need beyond their field: where to look up records and users, for whom, and in which
 * language and time zone. One per view.
 */
record FilterSources(Records records, FormCatalog catalog, Actor actor, UserDirectory users, ReferenceTitles titles,
                     Locale locale, ZoneId zone) {
}
