package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.files.FileRefusedException;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Says a refusal that escaped a plugin's click or change handler in the user's language: a plugin that lets a
 * {@link RecordException} (e.g. one made from a key of its bundles with {@link RecordException#refused}), a
 * {@link WorkflowRefusedException} or a {@link FileRefusedException} go gets a notification with the refusal's
 * text instead of Vaadin's default handling (a log line, and in development a stack trace on the page). Any other
 * error keeps the default handling.
 */
@Component
class RefusalNotices implements VaadinServiceInitListener, ErrorHandler {

    private final transient ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Optional<LocalText> refusal = refusal(event.getThrowable());
        UI ui = UI.getCurrent();
        if (refusal.isEmpty() || ui == null) {
            fallback.error(event);
            return;
        }
        Notification notice = Notification.show(refusal.get().in(ui.getLocale()), 5000,
                Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.setId("refusal-notice");
    }

    /** The refusal's text, found along the cause chain (Vaadin wraps a listener's exception). */
    static Optional<LocalText> refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordException e) {
                return Optional.of(e.text());
            }
            if (t instanceof WorkflowRefusedException e) {
                return Optional.of(e.text());
            }
            if (t instanceof FileRefusedException e) {
                return Optional.of(e.text());
            }
        }
        return Optional.empty();
    }

    /** For tests: the text a Chinese or English user reads. */
    static Optional<String> shown(Throwable thrown, Locale locale) {
        return refusal(thrown).map(text -> text.in(locale));
    }
}
