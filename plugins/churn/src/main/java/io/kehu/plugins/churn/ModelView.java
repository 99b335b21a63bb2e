package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.ui.ChartSpec;
import io.kehu.sdk.ui.ViewContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The model page {@code apps/churn/model} (administrators): score now (the nightly job run at once, its progress
 * polled), train a new model version on the company's history, and for each version its holdout report — ROC AUC,
 * precision, recall, lift of the top 10 %, Brier score, a calibration chart and the inputs that matter (for a
 * scorecard, the card itself: bins, WOE, IV, points) — with a
 * button to put it in use. Nothing a model learned is used until an admin has seen its report and chosen it.
 */
@Extension
public class ModelView implements ViewContribution {

    static final String PATH = "model";
    static final long SEED = 42L;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("流失预警模型", "Churn model");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        Labels labels = new Labels(context, locale);
        ChurnSettings settings = new ChurnSettings(context);
        VerticalLayout layout = new VerticalLayout();
        layout.setWidthFull();
        H2 heading = new H2(labels.text("model.title"));
        heading.setId("churn-model-title");
        layout.add(heading);
        Paragraph rules = new Paragraph(labels.text("model.rules", ChurnRules.load(context).rules().size()));
        rules.setId("churn-rules");
        layout.add(rules);
        layout.add(sources(context, labels));

        Span status = new Span();
        status.setId("churn-status");
        ProgressBar bar = new ProgressBar();
        bar.setVisible(false);
        Button score = new Button(labels.text("model.score"));
        score.setId("churn-score-now");
        score.addClickListener(e -> {
            context.jobs().runNow(ChurnJob.ID);
            score.setEnabled(false);
            bar.setVisible(true);
            if (ui != null) {
                ui.setPollInterval(500);
            }
        });
        if (ui != null) {
            ui.addPollListener(e -> context.jobs().status(ChurnJob.ID).ifPresent(s -> {
                show(s, status, bar, labels);
                if (!s.running() && !score.isEnabled()) {
                    score.setEnabled(true);
                    bar.setVisible(false);
                    ui.setPollInterval(-1);
                }
            }));
        }
        context.jobs().status(ChurnJob.ID).ifPresent(s -> show(s, status, bar, labels));

        Div versions = new Div();
        versions.setId("churn-versions");
        Span trained = new Span();
        trained.setId("churn-trained");
        RadioButtonGroup<String> kind = new RadioButtonGroup<>(labels.text("model.kind"));
        kind.setId("churn-kind");
        kind.setItems(ChurnModel.SCORECARD, ChurnModel.LOGISTIC);
        kind.setItemLabelGenerator(k -> labels.text("model.kind." + k));
        kind.setValue(ChurnModel.SCORECARD);
        // the split: a seed and the share held out, both stored with the version so it can be trained again the same
        com.vaadin.flow.component.textfield.IntegerField seed = new com.vaadin.flow.component.textfield.IntegerField(
                labels.text("model.seed"));
        seed.setId("churn-seed");
        seed.setValue((int) SEED);
        seed.setMin(0);
        seed.setStepButtonsVisible(false);
        seed.setHelperText(labels.text("model.seed.help"));
        com.vaadin.flow.component.select.Select<Integer> holdout = new com.vaadin.flow.component.select.Select<>();
        holdout.setId("churn-holdout");
        holdout.setLabel(labels.text("model.holdout"));
        holdout.setItems(10, 20, 30, 40, 50);
        holdout.setItemLabelGenerator(p -> p + "%");
        holdout.setValue((int) Math.round(ChurnModel.HOLDOUT * 100));
        FlexLayout split = new FlexLayout(seed, holdout);
        split.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        split.getStyle().set("gap", "var(--lumo-space-m)");
        Paragraph cutoff = new Paragraph(labels.text("model.cutoff", settings.horizon(),
                TrainingSnapshot.cutoff(java.time.LocalDate.now(), settings.horizon()).toString()));
        cutoff.setId("churn-cutoff");
        Button train = new Button(labels.text("model.train"), e -> {
            if (seed.getValue() == null || seed.getValue() < 0 || seed.isInvalid()) {
                trained.setText(labels.text("model.seed.invalid"));
                return;
            }
            try {
                ChurnModel model = ChurnService.of(context).train(java.time.LocalDate.now(), kind.getValue(),
                        seed.getValue(), holdout.getValue() / 100.0, Progress.NONE, () -> false);
                trained.setText(labels.text("model.trained", model.version(),
                        String.format(Locale.ROOT, "%.3f", model.evaluation().auc())));
            } catch (IllegalArgumentException ex) {
                trained.setText(labels.text("model.failed", ex.getMessage()));
            }
            showVersions(context, settings, labels, versions);
        });
        train.setId("churn-train");
        FlexLayout buttons = new FlexLayout(score, train);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-m)");
        layout.add(new TrainingChoices(context, labels), kind, split, cutoff, buttons, bar, status, trained, versions);
        showVersions(context, settings, labels, versions);
        return layout;
    }

    /** Which other plugins' features are in use: a missing plugin's measures are simply left out. */
    private static Component sources(PluginContext context, Labels labels) {
        Div box = new Div(new H4(labels.text("source.title")));
        box.setId("churn-sources");
        UnorderedList list = new UnorderedList();
        PluginSignals signals = new PluginSignals(context);
        for (PluginSignals.Source source : PluginSignals.SOURCES) {
            list.add(new ListItem(labels.text(signals.installed(source) ? "source.on" : "source.off",
                    labels.text(source.messageKey()))));
        }
        box.add(list);
        return box;
    }

    private static void show(JobStatus s, Span status, ProgressBar bar, Labels labels) {
        if (s.running()) {
            status.setText(labels.text("model.running", s.note() == null ? "" : s.note(), s.done(), s.total()));
            if (s.total() > 0) {
                bar.setValue(Math.min(1, s.done() / (double) s.total()));
            }
        } else if (s.lastResult() != null && !"ok".equals(s.lastResult())) {
            status.setText(labels.text("model.failed", s.lastResult()));
        } else if (s.note() != null) {
            status.setText(s.note());
        }
    }

    private static void showVersions(PluginContext context, ChurnSettings settings, Labels labels, Div into) {
        into.removeAll();
        List<Integer> versions = new ArrayList<>(settings.versions());
        Integer active = settings.activeModelVersion().orElse(null);
        if (versions.isEmpty()) {
            Paragraph none = new Paragraph(labels.text("model.none", labels.lostLabel(settings.label())));
            none.setId("churn-no-model");
            into.add(none);
            return;
        }
        into.add(new H4(labels.text("model.versions")));
        if (active != null) {
            Paragraph inUse = new Paragraph(labels.text("model.active", active));
            inUse.setId("churn-active");
            into.add(inUse);
        }
        java.util.Collections.reverse(versions);
        for (int version : versions) {
            settings.model(version).ifPresent(model -> into.add(report(context, settings, labels, model,
                    active != null && active == version, into)));
        }
    }

    private static Component report(PluginContext context, ChurnSettings settings, Labels labels, ChurnModel model,
                                    boolean inUse, Div versions) {
        Div card = new Div();
        card.setId("churn-model-" + model.version());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "8px")
                .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-m)");
        card.add(new H4(labels.text("model.version", model.version(), model.trainedAt().substring(0, 10),
                model.trainRows(), model.label())));
        String kindText = labels.text("model.kind." + (model.hasScorecard() ? ChurnModel.SCORECARD : ChurnModel.LOGISTIC));
        Paragraph how = new Paragraph(model.cutoff() == null ? labels.text("model.asof.today", kindText)
                : model.leaverHorizon() == null ? labels.text("model.asof.one", kindText, model.cutoff())
                : labels.text("model.asof", kindText, model.cutoff(), model.leaverHorizon()));
        how.addClassName("churn-asof");
        card.add(how);
        Paragraph splitText = new Paragraph(labels.text("model.split", String.valueOf(model.seed()),
                Math.round(model.holdout() * 100)));
        splitText.addClassName("churn-split");
        card.add(splitText);
        Evaluation e = model.evaluation();
        Paragraph numbers = new Paragraph(labels.text("model.report", e.rows(), e.positives(), f3(e.auc()),
                f3(e.precision()), f3(e.recall()), String.format(Locale.ROOT, "%.2f", e.liftTop10()), f3(e.brier())));
        numbers.addClassName("churn-report");
        card.add(numbers);
        Paragraph lifts = new Paragraph(labels.text("model.lifts", String.join(" · ", e.liftsByTenth().stream()
                .map(l -> String.format(Locale.ROOT, "%.2f", l)).toList())));
        lifts.addClassName("churn-lifts");
        card.add(lifts);
        List<String> tenths = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        for (int i = 0; i < e.calibration().size(); i++) {
            tenths.add(Integer.toString(i + 1));
            predicted.add(Math.round(e.calibration().get(i).predicted() * 1000) / 10.0);
            observed.add(Math.round(e.calibration().get(i).observed() * 1000) / 10.0);
        }
        Div chart = new Div(context.components().chart(new ChartSpec(ChartSpec.Kind.BAR,
                labels.text("model.calibration"), tenths, List.of(
                        new ChartSpec.Series(labels.text("model.calibration.predicted"), predicted, List.of("#9ab")),
                        new ChartSpec.Series(labels.text("model.calibration.observed"), observed, List.of("#e55"))))));
        chart.setWidthFull();
        chart.setMaxWidth("640px");
        card.add(chart);
        ReasonLabels names = new ReasonLabels(context, labels);
        if (model.hasScorecard()) {
            card.add(ScorecardTable.of(model.scorecard(), names));
        } else {
            card.add(new Paragraph(labels.text("model.importance")));
            UnorderedList importance = new UnorderedList();
            for (ChurnModel.Contribution c : model.importance(8)) {
                importance.add(new ListItem(names.input(c.input()) + "  "
                        + String.format(Locale.ROOT, "%+.2f", c.value())));
            }
            card.add(importance);
        }
        if (!inUse) {
            Button use = new Button(labels.text("model.activate"), ev -> {
                settings.activate(model.version());
                showVersions(context, settings, labels, versions);
            });
            use.setId("churn-activate-" + model.version());
            card.add(use);
        }
        return card;
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
