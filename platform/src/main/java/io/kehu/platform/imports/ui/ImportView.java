package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.i18n.UploadTexts;
import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.imports.ImportMode;
import io.kehu.platform.imports.ImportProgress;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.ImportSource;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.imports.JobMessage;
import io.kehu.platform.imports.read.UnreadableFileException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The import wizard of one form, {@code import/<form>}: upload, encoding or sheet, mapping, dry run, import with
 * progress, result with undo. Each step replaces the one before; the dry run and the import run off the UI thread and
 * the page polls their progress.
 */
@Route(value = ImportView.ROUTE + "/:form", layout = MainLayout.class)
@PermitAll
public class ImportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "import";

    private final Imports imports;
    private final FormCatalog catalog;
    private final CurrentUser user;
    private final UserAccounts accounts;
    private Actor actor;
    private FormDefinition form;
    private ImportSource source;
    private List<String> headers = List.of();
    private MappingGrid mappingGrid;
    private ImportMode mode = ImportMode.CREATE;
    private Set<String> keys = new HashSet<>();
    private boolean skipBad = true;
    private boolean skipDuplicates = true;
    /** The review's decisions per duplicate row, kept when the user goes back to the mapping and dry-runs again. */
    private java.util.Map<Long, io.kehu.platform.imports.DuplicateDecision> decisions = java.util.Map.of();
    /** The review's choice for the duplicate rows not decided one by one ({@code null}: the default). */
    private io.kehu.platform.imports.DuplicateDecision remaining;
    private String title = "";

    public ImportView(Imports imports, FormCatalog catalog, CurrentUser user, UserAccounts accounts) {
        this.imports = imports;
        this.catalog = catalog;
        this.user = user;
        this.accounts = accounts;
        setMaxWidth("60rem");
    }

    /** The wizard's path for {@code formId}. */
    public static String path(String formId) {
        return ROUTE + "/" + formId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        actor = user.username().flatMap(accounts::findByUsername).map(Actor::of).orElseThrow();
        form = catalog.published(event.getRouteParameters().get("form").orElse("")).orElse(null);
        if (form == null || !form.access().mayWrite(actor.roles())) {
            add(new Paragraph(getTranslation("imports.noAccess")));
            return;
        }
        if (!form.importable()) {
            Paragraph refused = new Paragraph(getTranslation("imports.notImportable", form.label().in(getLocale())));
            refused.setId("import-not-importable");
            add(refused);
            return;
        }
        title = getTranslation("imports.title", form.label().in(getLocale()));
        showUpload();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void step(String key) {
        removeAll();
        H2 heading = new H2(title);
        heading.setId("import-title");
        H3 step = new H3(getTranslation(key));
        step.setId("import-step");
        add(heading, step);
    }

    // ------------------------------------------------------------------ 1. upload

    private void showUpload() {
        step("imports.step.upload");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                ImportSource kept = imports.keep(in, metadata.fileName());
                ui.access(() -> received(kept));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> add(error(getTranslation("imports.upload.failed", e instanceof UnreadableFileException u
                        ? getTranslation(u.key(), u.args()) : getTranslation("imports.read.unknown")))));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", ".xlsx", ".xls");
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.setUploadButton(new Button(getTranslation("imports.upload.button")));
        upload.setDropLabel(new Span(getTranslation("imports.upload.drop")));
        add(new Paragraph(getTranslation("imports.upload.hint")), upload);
    }

    /** A kept file: goes on to its reading settings (also the entry for tests). */
    void received(ImportSource kept) {
        source = kept;
        mappingGrid = null;
        decisions = java.util.Map.of();
        showRead();
    }

    // ------------------------------------------------------------------ 2. encoding / sheet

    private void showRead() {
        step("imports.step.read");
        add(new Paragraph(getTranslation("imports.file", source.fileName())));
        if (source.xlsx()) {
            Select<String> sheet = new Select<>();
            sheet.setId("import-sheet");
            sheet.setLabel(getTranslation("imports.sheet"));
            sheet.setItems(source.sheets());
            sheet.setValue(source.sheet());
            sheet.addValueChangeListener(e -> {
                source = source.withSheet(e.getValue());
                showRead();
            });
            add(sheet);
        } else {
            Select<Charset> encoding = new Select<>();
            encoding.setId("import-encoding");
            encoding.setLabel(getTranslation("imports.encoding"));
            encoding.setItems(Imports.encodings());
            encoding.setItemLabelGenerator(c -> getTranslation("imports.encoding." + c.name()));
            encoding.setValue(source.encoding());
            encoding.setHelperText(getTranslation("imports.encoding.guess",
                    getTranslation("imports.encoding." + source.encoding().name())));
            encoding.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    source = source.withEncoding(e.getValue());
                    showRead();
                }
            });
            Select<Character> delimiter = new Select<>();
            delimiter.setId("import-delimiter");
            delimiter.setLabel(getTranslation("imports.delimiter"));
            delimiter.setItems(',', ';', '\t', '|');
            delimiter.setItemLabelGenerator(c -> getTranslation("imports.delimiter." + switch (c) {
                case ';' -> "semicolon";
                case '\t' -> "tab";
                case '|' -> "bar";
                default -> "comma";
            }));
            delimiter.setValue(source.delimiter());
            delimiter.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    source = source.withDelimiter(e.getValue());
                    showRead();
                }
            });
            HorizontalLayout choices = new HorizontalLayout(encoding, delimiter);
            choices.setWrap(true); // a phone stacks them
            add(choices);
        }
        try {
            headers = imports.headers(source);
        } catch (IOException | RuntimeException e) {
            headers = List.of();
        }
        if (headers.isEmpty()) {
            add(error(getTranslation("imports.noHeaders")));
            add(new Button(getTranslation("imports.back"), click -> showUpload()));
            return;
        }
        Paragraph shown = new Paragraph(getTranslation("imports.headers", String.join(" | ", headers)));
        shown.setId("import-headers");
        Button next = new Button(getTranslation("imports.next"), click -> showMapping());
        next.setId("import-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(shown, new HorizontalLayout(new Button(getTranslation("imports.back"), click -> showUpload()), next));
    }

    // ------------------------------------------------------------------ 3. mapping

    private void showMapping() {
        step("imports.step.mapping");
        List<FieldDefinition> fields = imports.importableFields(form, actor);
        if (mappingGrid == null || mappingGrid.mapping().columns().size() != headers.size()) {
            ImportMapping proposed = imports.proposeMapping(form, headers, actor);
            keys = new HashSet<>(proposed.keyFields());
            mappingGrid = new MappingGrid(proposed, fields, getLocale(), this::getTranslation, () -> { });
        }
        Span counted = new Span();
        counted.setId("import-mapping-count");
        Runnable recount = () -> counted.setText(getTranslation("imports.mapping.count", headers.size(),
                mappingGrid.mapping().columns().stream().filter(c -> c.fieldId() != null).count()));
        mappingGrid = new MappingGrid(mappingGrid.mapping(), fields, getLocale(), this::getTranslation, recount);
        recount.run();

        RadioButtonGroup<ImportMode> modes = new RadioButtonGroup<>(getTranslation("imports.mode"));
        modes.setId("import-mode");
        modes.setItems(ImportMode.values());
        modes.setItemLabelGenerator(m -> getTranslation("imports.mode." + m.name()));
        modes.setValue(mode);
        MultiSelectComboBox<FieldDefinition> keyPicker = new MultiSelectComboBox<>(getTranslation("imports.keys"));
        keyPicker.setId("import-keys");
        keyPicker.setItems(fields);
        keyPicker.setItemLabelGenerator(mappingGrid::label);
        keyPicker.setValue(fields.stream().filter(f -> keys.contains(f.id())).toList());
        keyPicker.setVisible(mode != ImportMode.CREATE);
        keyPicker.addValueChangeListener(e -> keys = new HashSet<>(e.getValue().stream().map(FieldDefinition::id)
                .toList()));
        Checkbox skipDupes = new Checkbox(getTranslation("dedupe.import.skip"), skipDuplicates);
        skipDupes.setId("import-skip-duplicates");
        skipDupes.setHelperText(getTranslation("dedupe.import.skip.help"));
        skipDupes.setVisible(mode == ImportMode.CREATE);
        skipDupes.addValueChangeListener(e -> skipDuplicates = e.getValue());
        modes.addValueChangeListener(e -> {
            mode = e.getValue();
            keyPicker.setVisible(mode != ImportMode.CREATE);
            skipDupes.setVisible(mode == ImportMode.CREATE);
        });
        Checkbox skip = new Checkbox(getTranslation("imports.skipBad"), skipBad);
        skip.setId("import-skip-bad");
        skip.setHelperText(getTranslation("imports.skipBad.help"));
        skip.addValueChangeListener(e -> skipBad = e.getValue());
        Span problem = error("");
        problem.setVisible(false);
        Button dryRun = new Button(getTranslation("imports.dryRun"), click -> {
            String wrong = mappingProblem();
            problem.setText(wrong == null ? "" : wrong);
            problem.setVisible(wrong != null);
            if (wrong == null) {
                runDryRun();
            }
        });
        dryRun.setId("import-dry-run");
        dryRun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(counted, mappingGrid, modes, keyPicker, skip, skipDupes, problem,
                new HorizontalLayout(new Button(getTranslation("imports.back"), click -> showRead()), dryRun));
    }

    /** What keeps the mapping from being run, in the user's words; {@code null} when it can run. */
    private String mappingProblem() {
        ImportMapping m = mappingGrid.mapping();
        Set<String> seen = new HashSet<>();
        for (ImportMapping.Column c : m.columns()) {
            if (c.fieldId() != null && !seen.add(c.fieldId())) {
                return getTranslation("imports.mapping.twice", form.field(c.fieldId()).map(mappingGrid::label)
                        .orElse(c.fieldId()));
            }
        }
        if (seen.isEmpty()) {
            return getTranslation("imports.mapping.none");
        }
        if (mode != ImportMode.CREATE && (keys.isEmpty() || !seen.containsAll(keys))) {
            return getTranslation("imports.keys.missing");
        }
        return null;
    }

    private ImportSettings settings() {
        ImportMapping m = mappingGrid.mapping().withKeys(mode == ImportMode.CREATE ? List.of() : List.copyOf(keys));
        return new ImportSettings(form.id(), source, m, mode, skipBad, skipDuplicates);
    }

    /** Chooses field {@code fieldId} for column {@code index} (tests drive the grid this way). */
    void choose(int index, String fieldId) {
        mappingGrid.choose(index, fieldId);
    }

    // ------------------------------------------------------------------ 4. dry run

    private void runDryRun() {
        ImportSettings settings = settings();
        step("imports.step.dryRun");
        ImportProgress progress = new ImportProgress();
        ProgressPanel panel = new ProgressPanel(progress, getLocale(), false);
        add(new Paragraph(getTranslation("imports.dryRun.running")), panel);
        UI ui = UI.getCurrent();
        ui.setPollInterval(500);
        CompletableFuture.supplyAsync(() -> {
            try {
                return imports.dryRun(actor, settings, progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((report, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            if (failure != null) {
                step("imports.step.dryRun");
                add(error(getTranslation("imports.failed", JobMessage.failure(failure).in(this::getTranslation))),
                        new Button(getTranslation("imports.fixMapping"), click -> showMapping()));
            } else {
                showDryRun(report, settings);
            }
        }));
    }

    void showDryRun(ImportReport report, ImportSettings settings) {
        step("imports.step.dryRun");
        Paragraph summary = new Paragraph(getTranslation("imports.dryRun.summary", report.rows(), report.created(),
                report.updated(), report.unchanged(), report.refused()));
        summary.setId("import-dry-run-summary");
        add(summary);
        DuplicatesPanel review = new DuplicatesPanel(report, settings.skipDuplicates(), getLocale(), decisions,
                remaining);
        add(review);
        if (report.problems() == 0) {
            add(new Paragraph(getTranslation("imports.dryRun.clean")));
        }
        add(new ProblemsPanel(report, getLocale()));
        Button start = new Button(getTranslation("imports.start"), click -> {
            imports.saveMapping(form.id(), settings.mapping(), actor);
            decisions = review.decisions();
            remaining = review.remaining();
            showRunning(imports.start(actor, settings.withDecisions(decisions, remaining)));
        });
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fix = new Button(getTranslation("imports.fixMapping"), click -> {
            decisions = review.decisions();
            remaining = review.remaining();
            showMapping();
        });
        fix.setId("import-fix-mapping");
        add(new HorizontalLayout(fix, start));
    }

    // ------------------------------------------------------------------ 5. import, 6. result

    private void showRunning(long jobId) {
        step("imports.step.run");
        ImportProgress progress = imports.progress(jobId).orElseGet(ImportProgress::new);
        ProgressPanel panel = new ProgressPanel(progress, getLocale(), true);
        Button cancel = new Button(getTranslation("imports.cancel"), click -> imports.cancel(actor, jobId));
        cancel.setId("import-cancel");
        add(panel, cancel);
        UI ui = UI.getCurrent();
        ui.setPollInterval(500);
        com.vaadin.flow.shared.Registration[] polling = new com.vaadin.flow.shared.Registration[1];
        polling[0] = ui.addPollListener(e -> {
            panel.refresh();
            boolean finished = imports.job(actor, jobId).map(j -> j.finished()).orElse(true)
                    && imports.progress(jobId).isEmpty();
            if (finished || !isAttached()) {
                ui.setPollInterval(-1);
                polling[0].remove();
                if (finished && isAttached()) {
                    showResult(jobId);
                }
            }
        });
    }

    private void showResult(long jobId) {
        step("imports.step.result");
        add(new ImportResult(imports, actor, form, jobId, getLocale()));
    }

    private static Span error(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-error-text-color)");
        return span;
    }
}
