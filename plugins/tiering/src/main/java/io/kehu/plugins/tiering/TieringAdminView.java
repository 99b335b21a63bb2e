package io.kehu.plugins.tiering;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The admin screen {@code apps/tiering/admin}: choose scheme and period, run a dry run in the background (progress
 * bar, cancel), look at the verdicts (counts per level and movement, a filterable grid with each customer's
 * metrics), then apply them on the admin's behalf; below, the schemes and entitlements as validated JSON.
 */
@Extension
public class TieringAdminView implements ViewContribution {

    static final String PATH = "admin";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("客户分级", "Customer tiering");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        return new Screen(context);
    }

    /** One visit of the screen. */
    static final class Screen extends VerticalLayout {
        private final PluginContext context;
        private final TieringService service;
        private final Locale locale;
        private final Select<String> scheme = new Select<>();
        private final Select<PeriodKind> periodKind = new Select<>();
        private final Select<Boolean> lastCompleted = new Select<>();
        private final Button dryRun = new Button();
        private final Button apply = new Button();
        private final Button cancel = new Button();
        private final ProgressBar progress = new ProgressBar();
        private final Span status = new Span();
        private final PreviewGrid preview;

        Screen(PluginContext context) {
            this.context = context;
            this.service = TieringService.of(context);
            this.locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
            this.preview = new PreviewGrid(context, locale);
            setId("tiering-admin");
            TieringSettings settings = service.settings();
            scheme.setLabel(text("admin.scheme"));
            scheme.setItems(settings.schemes().stream().map(TierScheme::id).toList());
            scheme.setItemLabelGenerator(id -> settings.schemes().stream().filter(s -> s.id().equals(id))
                    .findFirst().map(s -> s.name().in(locale)).orElse(id));
            scheme.setValue(settings.activeScheme().id());
            scheme.addValueChangeListener(e -> service.settings().activate(e.getValue()));
            periodKind.setLabel(text("admin.period"));
            periodKind.setItems(PeriodKind.values());
            periodKind.setItemLabelGenerator(k -> k.label().in(locale));
            periodKind.setValue(settings.periodKind());
            periodKind.addValueChangeListener(e -> service.settings().periodKind(e.getValue()));
            lastCompleted.setLabel(text("admin.which"));
            lastCompleted.setItems(true, false);
            lastCompleted.setItemLabelGenerator(last -> text(last ? "admin.which.last" : "admin.which.current"));
            lastCompleted.setValue(true);

            dryRun.setText(text("admin.dryrun"));
            dryRun.setId("tiering-dry-run");
            dryRun.addClickListener(e -> start(() -> service.startEvaluation(period())));
            apply.setText(text("admin.apply"));
            apply.setId("tiering-apply");
            apply.addClickListener(e -> start(() -> service.startApply(context.currentUsername().orElse(null))));
            cancel.setText(text("admin.cancel"));
            cancel.setId("tiering-cancel");
            cancel.addClickListener(e -> {
                if (service.run() != null) {
                    service.run().cancel();
                }
            });
            status.setId("tiering-status");
            progress.setId("tiering-progress");
            // the page says what it is, as the other plugin pages do (积分计划, 上门日程 …)
            H2 title = new H2(text("nav.admin"));
            title.setId("tiering-title");
            add(title);
            add(new HorizontalLayout(scheme, periodKind, lastCompleted), new HorizontalLayout(dryRun, apply, cancel),
                    progress, status, preview, settingsEditor(settings));
            addAttachListener(e -> {
                e.getUI().setPollInterval(500);
                e.getUI().addPollListener(poll -> refresh());
            });
            addDetachListener(e -> e.getUI().setPollInterval(-1));
            refresh();
        }

        Period period() {
            LocalDate today = LocalDate.now();
            PeriodKind kind = periodKind.getValue();
            return Boolean.TRUE.equals(lastCompleted.getValue()) ? Period.lastCompleted(kind, today)
                    : new Period(kind, Period.containing(kind, today).from(), today);
        }

        /** Starts a run; the run itself is shown by {@link #refresh()}, which reads it from the service. */
        private void start(Runnable starter) {
            try {
                starter.run();
            } catch (IllegalStateException e) {
                Notification.show(e.getMessage());
            }
            refresh();
        }

        /** Shows where the background run is, and the preview once there is one. */
        void refresh() {
            TieringService.Run run = service.run();
            boolean running = run != null && !run.finished();
            progress.setVisible(running);
            progress.setValue(run == null ? 0 : run.fraction());
            dryRun.setEnabled(!running);
            cancel.setEnabled(running);
            Preview current = service.preview();
            apply.setEnabled(!running && current != null && current.changes() > 0);
            if (running) {
                // the run's step names are codes ("evaluate", "customers"): users read them in words
                status.setText(text("admin.running", text("admin.run." + run.what()),
                        run.note() == null || run.note().isBlank() ? "" : text("admin.step." + run.note())));
            } else if (run != null && run.error() != null) {
                status.setText(run.error().contains("cancelled") ? text("admin.cancelled")
                        : text("admin.failed", run.error()));
            } else if (run != null && run.what().equals("apply")) {
                status.setText(text("admin.applied"));
            } else if (current != null) {
                status.setText(text("admin.preview", current.period().key(), current.scheme().name().in(locale),
                        current.results().size(), current.changes()));
            } else {
                status.setText(text("admin.nothing"));
            }
            preview.show(running ? null : current);
        }

        private Component settingsEditor(TieringSettings settings) {
            TextArea schemes = new TextArea(text("admin.schemes"));
            schemes.setId("tiering-schemes");
            schemes.setWidthFull();
            schemes.setValue(settings.schemesText());
            Button saveSchemes = new Button(text("admin.save"), e -> save(() -> {
                service.settings().saveSchemes(schemes.getValue());
                scheme.setItems(service.settings().schemes().stream().map(TierScheme::id).toList());
                scheme.setValue(service.settings().activeScheme().id());
            }));
            saveSchemes.setId("tiering-save-schemes");
            TextArea entitlements = new TextArea(text("admin.entitlements"));
            entitlements.setId("tiering-entitlements");
            entitlements.setWidthFull();
            entitlements.setValue(settings.entitlementsText());
            Button saveEntitlements = new Button(text("admin.save"), e -> save(() -> {
                service.settings().saveEntitlements(entitlements.getValue());
            }));
            saveEntitlements.setId("tiering-save-entitlements");
            return new Div(new H3(text("admin.settings")), schemes, saveSchemes, entitlements, saveEntitlements);
        }

        private void save(Runnable action) {
            try {
                action.run();
                Notification.show(text("admin.saved"));
            } catch (RuntimeException e) {
                Notification.show(text("admin.invalid", e.getMessage()));
            }
        }

        private String text(String key, Object... args) {
            return context.messages().get(key, locale, args);
        }
    }
}
