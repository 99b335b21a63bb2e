package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optional position at check-in and check-out, taken from the phone's browser (geolocation) and kept only when the
 * customer agreed: the consent box must be ticked first, the server refuses a position without it on every path
 * ({@link VisitRules}), and a stored position is shown as a map link, never as bare numbers. The browser asks the
 * visitor's permission as well; refused or unavailable, nothing is stored and the screen says so.
 */
final class VisitLocation {

    /** "latitude,longitude" with up to six decimals, as the browser gives them, within the earth's ranges. */
    private static final Pattern POSITION = Pattern.compile("(-?\\d{1,2}(?:\\.\\d{1,6})?),(-?\\d{1,3}(?:\\.\\d{1,6})?)");

    private VisitLocation() {
    }

    /** The position if {@code text} is one (latitude −90..90, longitude −180..180). */
    static Optional<double[]> parse(Object text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = POSITION.matcher(text.toString().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double lat = Double.parseDouble(m.group(1));
        double lng = Double.parseDouble(m.group(2));
        return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? Optional.of(new double[] {lat, lng}) : Optional.empty();
    }

    /** A map link to the position (AMap marker: longitude first). */
    static String mapUrl(Object text) {
        return parse(text).map(p -> "https://uri.amap.com/marker?position=" + p[1] + "," + p[0]).orElse("");
    }

    /**
     * Stores the position of {@code field} ({@code check_in_location} or {@code check_out_location}) with the
     * consent.
     *
     * @throws RecordException INVALID without the customer's consent or with a position that is not one
     */
    static RecordData store(PluginContext context, long visitId, String field, String position, boolean consent) {
        if (!consent) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "location.consent");
        }
        if (parse(position).isEmpty()) {
            throw RecordException.refused(RecordException.Reason.INVALID, context.messages(), "location.bad");
        }
        VisitService service = new VisitService(context);
        RecordData visit = service.visit(visitId);
        return context.recordsOfCurrentUser().update(VisitForms.VISIT, visitId, visit.rowVersion(),
                Map.of("location_consent", true, field, position.strip()));
    }

    /** The consent box, the two buttons (while on site) and the stored positions as map links. */
    static Div section(PluginContext context, long visitId, boolean onSite, Locale locale) {
        Div box = new Div();
        box.setId("visit-location");
        RecordData visit = new VisitService(context).visit(visitId);
        for (String field : new String[] {"check_in_location", "check_out_location"}) {
            if (visit.get(field) != null) {
                Anchor map = new Anchor(mapUrl(visit.get(field)), context.messages().get("location.map." + field,
                        locale));
                map.setTarget("_blank");
                map.setId("visit-" + field);
                box.add(new Div(TodayView.big(map)));
            }
        }
        if (!onSite) {
            return box;
        }
        Checkbox consent = new Checkbox(context.messages().get("location.ask", locale));
        consent.setId("location-consent");
        consent.setValue(Boolean.TRUE.equals(visit.get("location_consent")));
        Paragraph outcome = new Paragraph();
        outcome.setId("location-outcome");
        box.add(consent);
        for (String field : new String[] {"check_in_location", "check_out_location"}) {
            Button take = new Button(context.messages().get("location.take." + field, locale), e -> {
                if (!consent.getValue()) {
                    outcome.setText(context.messages().get("location.consent", locale));
                    return;
                }
                // the browser's position (high accuracy, 15 s at most), or '' when refused or unavailable
                take(e.getSource(), position -> {
                    if (position == null || position.isBlank()) {
                        outcome.setText(context.messages().get("location.unavailable", locale));
                        return;
                    }
                    try {
                        store(context, visitId, field, position, true);
                        outcome.setText(context.messages().get("location.saved", locale));
                    } catch (RecordException ex) {
                        outcome.setText(ex.message(locale));
                    }
                });
            });
            take.setId("location-take-" + field);
            take.setWidthFull();
            box.add(take);
        }
        box.add(outcome);
        return box;
    }

    private static void take(Button from, java.util.function.Consumer<String> then) {
        from.getElement().executeJs("return new Promise(ok => { if (!navigator.geolocation) { ok(''); return; } "
                + "navigator.geolocation.getCurrentPosition(p => ok(p.coords.latitude.toFixed(6) + ',' "
                + "+ p.coords.longitude.toFixed(6)), () => ok(''), {enableHighAccuracy: true, timeout: 15000}); })")
                .then(String.class, then::accept, error -> then.accept(""));
    }
}
