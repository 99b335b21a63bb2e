package io.kehu.platform.designer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormDraft;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.FormVersion;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.UploadTexts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The form designer at {@code admin/forms/<form>}: palette, canvas, property panels, form settings, live preview and
 * JSON, all editing one definition held as immutable snapshots (undo/redo). The definition is checked after every
 * change by the same reader that publishing uses, problems are shown where they are, and publishing stays disabled
 * until there are none. Drafts are saved in the database and resumed by whichever administrator opens the form next.
 */
@Route(value = "admin/forms/:form", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class FormDesignerView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    /** Which panel a change came from: that panel keeps its inputs (and focus) and only gets its problems shown. */
    enum Origin { CANVAS, FIELD, SECTION, SETTINGS, JSON, HISTORY }

    private final DesignerServices services;
    private DesignerHistory history;
    private DesignerProblems problems = DesignerProblems.of(List.of());
    private Integer selectedField;
    private Integer selectedSection = 0;
    private volatile FormDefinition exportable;
    private String title = "";

    // Built anew on every navigation: Vaadin reuses this view when only the form in the route changes.
    private Span status;
    private Span problemCount;
    private Div problemList;
    private Div warnings;
    private Button undo;
    private Button redo;
    private Button saveDraft;
    private Button publish;
    private Button discard;
    private TabSheet tabs;
    private Div side;
    private DesignerCanvas canvas;
    private FieldPropertiesPanel fieldPanel;
    private SectionPanel sectionPanel;
    private FormSettingsPanel settings;
    private PreviewPanel preview;
    private JsonPanel json;
    private Tab previewTab;
    private Tab jsonTab;

    FormDesignerView(DesignerServices services) {
        this.services = services;
        // Exactly the window's height: the header (title, toolbar, problems) stays put and the palette, canvas and
        // property panel scroll each on their own, so the toolbar is always in view (also at 1024 px).
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        services.admin();
        removeAll();
        String formId = event.getRouteParameters().get("form").orElse("");
        String problem = FormTables.identifierProblem(formId);
        if (problem != null) {
            history = null;
            title = getTranslation("designer.title", formId);
            Paragraph bad = new Paragraph(getTranslation("designer.badId", formId, problem));
            bad.setId("designer-bad-id");
            add(bad);
            return;
        }
        Optional<FormDraft> draft = services.publisher.draftInfo(formId);
        Optional<FormDefinition> published = services.catalog.published(formId);
        FormDefinition start = draft.map(FormDraft::definition)
                .or(() -> published).orElseGet(() -> DesignerEdits.blank(formId));
        history = new DesignerHistory(start);
        build(formId);
        describe(draft.orElse(null), published.isPresent());
        refresh(Origin.HISTORY);
    }

    private void build(String formId) {
        status = new Span();
        problemCount = new Span();
        problemList = new Div();
        undo = new Button(VaadinIcon.ARROW_BACKWARD.create());
        redo = new Button(VaadinIcon.ARROW_FORWARD.create());
        saveDraft = new Button();
        publish = new Button();
        discard = new Button();
        tabs = new TabSheet();
        side = new Div();
        selectedField = null;
        selectedSection = 0;
        title = getTranslation("designer.title", nameOf(current(), getLocale()));
        H2 heading = new H2(title);
        heading.setId("designer-title");
        canvas = new DesignerCanvas(new CanvasActions());
        fieldPanel = new FieldPropertiesPanel(services, this::current, f -> apply(
                DesignerEdits.replaceField(current(), selectedField, f), Origin.FIELD),
                section -> moveToSection(section), this::removeSelectedField);
        sectionPanel = new SectionPanel(s -> apply(DesignerEdits.replaceSection(current(), selectedSection, s),
                Origin.SECTION), this::removeSelectedSection);
        settings = new FormSettingsPanel(services, this::current, f -> apply(f, Origin.SETTINGS));
        preview = new PreviewPanel(services);
        json = new JsonPanel(services, f -> apply(f, Origin.JSON));
        tabs.setId("designer-tabs");
        tabs.setSizeFull();
        Tab designTab = tabs.add(getTranslation("designer.tab.design"), canvas);
        designTab.setId("designer-tab-design");
        tabs.add(getTranslation("designer.tab.settings"), settings).setId("designer-tab-settings");
        previewTab = tabs.add(getTranslation("designer.tab.preview"), preview);
        previewTab.setId("designer-tab-preview");
        jsonTab = tabs.add(getTranslation("designer.tab.json"), json);
        jsonTab.setId("designer-tab-json");
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == previewTab) {
                preview.show(current(), problems);
            }
        });
        side.setId("designer-side");
        side.setWidth("24em");
        side.getStyle().set("flex-shrink", "0").set("overflow-y", "auto").set("align-self", "stretch");
        FieldPalette palette = new FieldPalette(this::addToSelectedSection);
        palette.getStyle().set("overflow-y", "auto").set("align-self", "stretch");
        HorizontalLayout body = new HorizontalLayout(palette, tabs, side);
        body.setWidthFull();
        body.getStyle().set("min-height", "0");
        body.setFlexGrow(1, tabs);
        problemList.setId("designer-problems");
        problemList.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("max-height", "6em").set("overflow", "auto");
        warnings = new Div();
        warnings.setId("designer-warnings");
        warnings.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)")
                .set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout header = new VerticalLayout(heading, status, toolbar(formId), problemList, warnings);
        header.setId("designer-header");
        header.setPadding(false);
        header.setSpacing(false);
        header.getStyle().set("flex-shrink", "0");
        // Let the tabs shrink (a flex item does not go below its content by default), so the panel stays on screen.
        tabs.getStyle().set("min-width", "0");
        side.setWidth(null);
        side.getStyle().set("width", "clamp(16em, 30vw, 24em)");
        add(header, body);
        setFlexGrow(1, body);
    }

    private HorizontalLayout toolbar(String formId) {
        undo.setId("designer-undo");
        undo.getElement().setAttribute("aria-label", getTranslation("designer.undo"));
        undo.getElement().setAttribute("title", getTranslation("designer.undo"));
        undo.addClickListener(e -> {
            history.undo();
            refresh(Origin.HISTORY);
        });
        redo.setId("designer-redo");
        redo.getElement().setAttribute("aria-label", getTranslation("designer.redo"));
        redo.getElement().setAttribute("title", getTranslation("designer.redo"));
        redo.addClickListener(e -> {
            history.redo();
            refresh(Origin.HISTORY);
        });
        saveDraft.setText(getTranslation("designer.saveDraft"));
        saveDraft.setId("designer-save-draft");
        saveDraft.addClickListener(e -> {
            services.saveDraft(current());
            history.markSaved();
            describe(services.publisher.draftInfo(formId).orElse(null),
                    services.catalog.published(formId).isPresent());
            refresh(Origin.HISTORY);
            Notification.show(getTranslation("designer.draftSaved"));
        });
        discard.setText(getTranslation("designer.discardDraft"));
        discard.addClickListener(e -> confirmDiscard(formId));
        discard.setId("designer-discard-draft");
        publish.setText(getTranslation("designer.publish"));
        publish.setId("designer-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> new PublishDialog(services, current(), this::published).open());
        Button versions = new Button(getTranslation("designer.versions"), e ->
                new VersionHistoryDialog(services, formId, this::published).open());
        versions.setId("designer-versions");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = services.writer.write(exportable).getBytes(StandardCharsets.UTF_8);
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                    formId + ".json", "application/json", bytes.length);
        }), getTranslation("designer.export"));
        export.setId("designer-export");
        UI ui = UI.getCurrent();
        Upload importer = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            json.setText(new String(bytes, StandardCharsets.UTF_8));
            tabs.setSelectedTab(jsonTab);
            json.apply();
        })));
        importer.setId("designer-import");
        importer.setI18n(UploadTexts.of(this::getTranslation));
        importer.setMaxFiles(1);
        importer.setAcceptedFileTypes(".json", "application/json");
        importer.setUploadButton(new Button(getTranslation("designer.import")));
        importer.setDropAllowed(false);
        problemCount.setId("designer-problem-count");
        HorizontalLayout bar = new HorizontalLayout(undo, redo, saveDraft, discard, publish, versions, export,
                importer, problemCount);
        bar.setAlignItems(Alignment.CENTER);
        bar.setWidthFull();
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    FormDefinition current() {
        return history.current();
    }

    DesignerProblems problems() {
        return problems;
    }

    void apply(FormDefinition next, Origin origin) {
        if (history.apply(next)) {
            refresh(origin);
        }
    }

    private void refresh(Origin origin) {
        FormDefinition form = current();
        exportable = form;
        problems = services.check(form);
        if (selectedField != null && selectedField >= form.fields().size()) {
            selectedField = null;
        }
        List<LayoutSection> sections = DesignerEdits.sections(form);
        if (selectedSection != null && selectedSection >= sections.size()) {
            selectedSection = sections.size() - 1;
        }
        canvas.render(form, problems, selectedField, selectedField == null ? selectedSection : null);
        if (selectedField != null) {
            if (origin == Origin.FIELD) {
                fieldPanel.showProblems(problems.forField(selectedField));
            } else {
                FieldDefinition field = form.fields().get(selectedField);
                fieldPanel.edit(field, sections, sectionOf(form, selectedField),
                        problems.forField(selectedField), services.knownForms().stream().sorted().toList(),
                        field.id() != null && services.catalog.published(form.id())
                                .flatMap(p -> p.field(field.id())).isPresent());
            }
            show(fieldPanel);
        } else if (selectedSection != null) {
            if (origin != Origin.SECTION) {
                sectionPanel.edit(sections.get(selectedSection), problems.forSection(selectedSection));
            }
            show(sectionPanel);
        } else {
            side.removeAll();
        }
        if (origin == Origin.SETTINGS) {
            settings.showProblems(problems.ofForm());
        } else {
            settings.edit(form, problems.ofForm());
        }
        json.show(form);
        if (tabs.getSelectedTab() == previewTab) {
            preview.show(form, problems);
        }
        undo.setEnabled(history.canUndo());
        redo.setEnabled(history.canRedo());
        publish.setEnabled(problems.isEmpty());
        problemCount.setText(problems.isEmpty() ? getTranslation("designer.noProblems")
                : getTranslation("designer.problemCount", problems.all().size()));
        problemCount.getStyle().set("color", problems.isEmpty() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        problemList.removeAll();
        problems.all().forEach(p -> problemList.add(new Div(p.jsonPath() + ": " + p.message(getLocale()))));
        warnings.removeAll();
        DesignerEdits.duplicateLabels(form).forEach((label, count) -> warnings.add(
                new Div(getTranslation("designer.warn.duplicateLabel", label, count))));
        saveDraft.setEnabled(history.isDirty());
        getElement().executeJs("window.onbeforeunload = $0 ? function(e) { e.preventDefault(); "
                + "e.returnValue = ''; } : null", history.isDirty());
    }

    /** Puts {@code panel} into the side column, leaving it in place (and its inputs focused) when it is there. */
    private void show(com.vaadin.flow.component.Component panel) {
        if (side.getChildren().noneMatch(c -> c == panel)) {
            side.removeAll();
            side.add(panel);
        }
    }

    private void describe(FormDraft draft, boolean published) {
        String text = published ? getTranslation("designer.status.published",
                services.publisher.versions(current().id()).stream().mapToInt(FormVersion::number).max().orElse(0))
                : getTranslation("designer.status.new");
        if (draft != null) {
            text += " · " + getTranslation("designer.status.draft",
                    services.authors.name(draft.savedBy(), getLocale(), this::getTranslation),
                    draft.savedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '));
        }
        status.setText(text);
        status.setId("designer-status");
        discard.setEnabled(draft != null);
    }

    private void published(FormVersion version) {
        history = new DesignerHistory(services.catalog.published(version.formId()).orElse(current()));
        describe(null, true);
        refresh(Origin.HISTORY);
        Notification.show(getTranslation("designer.published", version.number()));
    }

    private void confirmDiscard(String formId) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.discardTitle"),
                getTranslation("designer.discardText"), getTranslation("designer.discardDraft"), e -> {
                    services.admin();
                    services.publisher.discardDraft(formId);
                    Optional<FormDefinition> published = services.catalog.published(formId);
                    history = new DesignerHistory(published.orElseGet(() -> DesignerEdits.blank(formId)));
                    describe(null, published.isPresent());
                    refresh(Origin.HISTORY);
                });
        confirm.setId("designer-discard-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("designer.cancel"));
        confirm.open();
    }

    private void addToSelectedSection(FieldType type) {
        int section = selectedSection == null ? 0 : selectedSection;
        if (selectedField != null) {
            int of = sectionOf(current(), selectedField);
            section = of >= 0 ? of : section;
        }
        int size = DesignerEdits.sections(current()).get(section).fields().size();
        addNew(type, section, size);
    }

    private void addNew(FieldType type, int section, int position) {
        FieldDefinition field = DesignerEdits.newField(current(), type);
        FormDefinition next = DesignerEdits.addField(current(), field, section, position);
        selectedField = next.fields().size() - 1;
        selectedSection = section;
        apply(next, Origin.CANVAS);
    }

    private void moveToSection(int section) {
        String id = current().fields().get(selectedField).id();
        selectedSection = section;
        apply(DesignerEdits.moveField(current(), id, section, Integer.MAX_VALUE), Origin.CANVAS);
    }

    private void removeSelectedField() {
        FormDefinition next = DesignerEdits.removeField(current(), selectedField);
        selectedField = null;
        apply(next, Origin.CANVAS);
    }

    private void removeSelectedSection() {
        FormDefinition next = DesignerEdits.removeSection(current(), selectedSection);
        selectedSection = Math.max(0, selectedSection - 1);
        apply(next, Origin.CANVAS);
    }

    private static int sectionOf(FormDefinition form, int fieldIndex) {
        String id = form.fields().get(fieldIndex).id();
        List<LayoutSection> sections = DesignerEdits.sections(form);
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).fields().contains(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The canvas's requests, turned into edits of the definition. */
    private final class CanvasActions implements DesignerCanvas.Actions {
        @Override
        public void selectField(int index) {
            selectedField = index;
            int of = sectionOf(current(), index);
            selectedSection = of >= 0 ? of : selectedSection;
            refresh(Origin.CANVAS);
        }

        @Override
        public void selectSection(int index) {
            selectedField = null;
            selectedSection = index;
            refresh(Origin.CANVAS);
        }

        @Override
        public void dropNew(FieldType type, int section, int position) {
            addNew(type, section, position);
        }

        @Override
        public void move(String fieldId, int section, int position) {
            selectedSection = section;
            apply(DesignerEdits.moveField(current(), fieldId, section, position), Origin.CANVAS);
        }

        @Override
        public void moveSection(int index, int delta) {
            FormDefinition next = DesignerEdits.moveSection(current(), index, delta);
            selectedSection = Math.max(0, Math.min(index + delta, DesignerEdits.sections(next).size() - 1));
            selectedField = null;
            apply(next, Origin.CANVAS);
        }

        @Override
        public void addSection() {
            int n = DesignerEdits.sections(current()).size() + 1;
            FormDefinition next = DesignerEdits.addSection(current(),
                    new LayoutSection(LocalizedText.of("分组 " + n, "Section " + n), null, 2, List.of()));
            selectedField = null;
            selectedSection = DesignerEdits.sections(next).size() - 1;
            apply(next, Origin.CANVAS);
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (history == null || !history.isDirty()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.unsavedTitle"),
                getTranslation("designer.unsavedText"), getTranslation("designer.leave"), e -> {
                    history = null;
                    getElement().executeJs("window.onbeforeunload = null");
                    action.proceed();
                });
        confirm.setId("designer-unsaved-dialog");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("designer.keepEditing"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    /** What titles call a form: its label in the user's language, its id only while it has no label. */
    static String nameOf(FormDefinition form, java.util.Locale locale) {
        String label = form.label().in(locale);
        return label == null || label.isBlank() ? form.id() : label;
    }
}
