package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.records.RecordData;
import java.util.Locale;

/**
 * Where the feedback card shown right after sign-off comes from. The plugin's own card ({@link OwnFeedbackCard})
 * stores a {@code visit_feedback} record; when the survey plugin is installed, a source backed by its survey links
 * can be put in the plugin's services ({@code services().put(FeedbackCardSource.class, …)}) and replaces it without
 * touching the phone screen.
 */
interface FeedbackCardSource {

    /**
     * The card for a signed-off visit.
     *
     * @param onDone called once the customer has given feedback (the screen then shows the visit as finished)
     */
    Component card(RecordData visit, Locale locale, Runnable onDone);
}
