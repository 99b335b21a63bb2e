package io.kehu.platform.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone dates and times are shown and entered in: the browser's (Vaadin's extended client details, which the
 * browser reports when the UI starts), or the server's while the browser has not told it or named a zone Java does not
 * know.
 */
final class UserZone {

    private UserZone() {
    }

    static ZoneId of(UI ui) {
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String zoneId = details == null ? null : details.getTimeZoneId();
        if (zoneId != null && !zoneId.isBlank()) {
            try {
                return ZoneId.of(zoneId);
            } catch (DateTimeException unknownZone) {
                // an id the JDK does not know: fall back below
            }
        }
        return ZoneId.systemDefault();
    }
}
