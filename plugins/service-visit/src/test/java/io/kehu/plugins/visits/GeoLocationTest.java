package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional check-in/out position: kept only with the customer's consent (on every path), checked, shown as a
 * map link. The browser's geolocation call itself needs a real browser; here its answer is handed to the server.
 */
@KehuPluginTest
class GeoLocationTest {

    @Test
    void aPositionIsKeptOnlyWithConsentAndShownAsAMapLink(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, "定位客户", null), "inspection", user(context, "staff"), 10, 0);
        VisitService service = new VisitService(context);
        kehu.callAsUser("staff", () -> service.move(service.visit(visit.id()), VisitSteps.CONFIRM));
        kehu.callAsUser("staff", () -> service.move(service.visit(visit.id()), VisitSteps.CHECK_IN));

        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> VisitLocation.store(context, visit.id(),
                "check_in_location", "31.230416,121.473701", false)))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("需先征得客户同意才能记录位置"));
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> VisitLocation.store(context, visit.id(),
                "check_in_location", "91.0,200.0", true)))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("That is not a position"));
        // every path: a position written without the consent is refused by the rules
        RecordData current = service.visit(visit.id());
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, visit.id(), current.rowVersion(),
                Map.of("check_in_location", "31.230416,121.473701")))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("需先征得客户同意才能记录位置"));

        RecordData stored = kehu.callAsUser("staff", () -> VisitLocation.store(context, visit.id(),
                "check_in_location", "31.230416,121.473701", true));
        assertThat(stored.get("check_in_location")).isEqualTo("31.230416,121.473701");
        assertThat(stored.get("location_consent")).isEqualTo(true);

        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, visit.id());
            Anchor map = _get(Anchor.class, spec -> spec.withId("visit-check_in_location"));
            assertThat(map.getHref()).isEqualTo("https://uri.amap.com/marker?position=121.473701,31.230416");
            assertThat(map.getText()).isEqualTo("到达位置（地图）");
            assertThat(_find(Component.class, spec -> spec.withId("visit-check_out_location"))).isEmpty();
            // asked again without the box ticked: nothing is asked of the browser
            com.vaadin.flow.component.checkbox.Checkbox consent = _get(
                    com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("location-consent"));
            consent.setValue(false);
            _click(_get(Button.class, spec -> spec.withId("location-take-check_out_location")));
            assertThat(_get(Component.class, spec -> spec.withId("location-outcome")).getElement()
                    .getTextRecursively()).isEqualTo("需先征得客户同意才能记录位置");
        }
    }
}
