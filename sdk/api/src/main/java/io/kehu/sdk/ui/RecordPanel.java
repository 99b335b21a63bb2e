package io.kehu.sdk.ui;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A tab on the record view of one form, e.g. the loyalty plugin's points history on a customer.
 *
 * <pre>{@code
 * @Extension
 * public class PointsPanel implements RecordPanel {
 *     public String formId() { return "customer"; }
 *     public LocalText title() { return LocalText.of("积分", "Points"); }
 *     public Component create(PluginContext context, long recordId) { return new Span("..."); }
 * }
 * }</pre>
 */
public interface RecordPanel extends ExtensionPoint {

    /** The form whose records get the tab. */
    String formId();

    /** The tab's title. */
    LocalText title();

    /** Builds the tab's content for record {@code recordId}; read records with {@code recordsOfCurrentUser()}. */
    Component create(PluginContext context, long recordId);
}
