package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.OwnerDefault;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.plugins.PluginRecordPanels;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordRules;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.RecordWithRows;
import io.kehu.platform.records.Records;
import io.kehu.platform.records.RowsValidationException;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.timeline.Timeline;
import io.kehu.platform.timeline.TimelineSubject;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.Workflows;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One record at {@code forms/<form>/<id>}, or a new one at {@code forms/<form>/new} (query parameters prefill fields,
 * e.g. {@code ?customer=12}). Wires the {@link RecordForm} to the record store: saves, shows validation errors beside
 * their fields, opens the {@link ConflictDialog} when someone else saved first, warns before unsaved changes are left
 * behind, and adds the related-record, plugin and history tabs. Subtable rows are edited inline and saved with the
 * record in one write ({@link RecordWithRows}). A record that does not exist and one the user may not see get
 * the same message. A record whose form has a workflow shows its state, deadline and the user's actions
 * ({@link WorkflowBar}) and a workflow history tab ({@link WorkflowTimeline}).
 */
@Route(value = "forms/:form/:id", layout = MainLayout.class)
@PermitAll
public class RecordView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final String NEW = "new";

    private final Records records;
    private final FormCatalog catalog;
    private final SessionActor actors;
    private final UserAccounts accounts;
    private final Messages messages;
    private final ObjectProvider<RecordRules> rules;
    private final RecordWithRows saver;
    private final PluginRecordPanels pluginPanels;
    private final Timeline timeline;
    private final Workflows workflows;
    private FieldValues conversions;
    private String title = "";
    private Actor actor;
    private FormDefinition form;
    private Long id;
    private RecordForm recordForm;
    private HistoryPanel history;
    private ValueFormatter formatter;
    /** The key of this page's unsaved work ({@link RecordDrafts}): per new-record page, or per existing record. */
    private String draftKey;
    private DuplicateHolders duplicates;

    public RecordView(Records records, FormCatalog catalog, SessionActor actors, UserAccounts accounts,
                      Messages messages, ObjectProvider<RecordRules> rules, RecordWithRows saver,
                      PluginRecordPanels pluginPanels, Timeline timeline, Workflows workflows) {
        this.records = records;
        this.workflows = workflows;
        this.timeline = timeline;
        this.saver = saver;
        this.pluginPanels = pluginPanels;
        this.catalog = catalog;
        this.actors = actors;
        this.accounts = accounts;
        this.messages = messages;
        this.rules = rules;
    }

    static String path(String formId, String id) {
        return "forms/" + formId + "/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        recordForm = null;
        actor = actors.current();
        String idText = event.getRouteParameters().get("id").orElse("");
        form = catalog.published(event.getRouteParameters().get("form").orElse(""))
                .filter(f -> FormAccess.mayRead(f, actor)).orElse(null);
        Optional<Record> record = Optional.empty();
        boolean creating = NEW.equals(idText) && form != null && FormAccess.mayWrite(form, actor);
        if (form != null && !creating && idText.matches("\\d{1,18}")) {
            record = records.get(actor, form.id(), Long.parseLong(idText));
        }
        if (!creating && record.isEmpty()) {
            title = getTranslation("views.notFoundTitle");
            add(new NoAccessNotice());
            return;
        }
        id = record.map(Record::id).orElse(null);
        build(record.orElse(null), event);
    }

    private void build(Record record, BeforeEnterEvent event) {
        WorkflowBar bar = null;
        Paragraph lockedNotice = null;
        UserDirectory users = new UserDirectory(accounts);
        ReferenceTitles titles = new ReferenceTitles(records, catalog, actor);
        ZoneId zone = UserZone.of(UI.getCurrent());
        conversions = new FieldValues(zone);
        FilterSources sources = new FilterSources(records, catalog, actor, users, titles, getLocale(), zone);
        formatter = new ValueFormatter(getLocale(), sources.zone(), users, titles,
                key -> messages.getTranslation(key, getLocale()));
        RecordRules recordRules = rules.getIfUnique(() -> RecordRules.NONE);
        recordForm = new RecordForm(form, actor, recordRules, sources, f -> subtable(f, recordRules, sources));
        recordForm.addSaveListener(save -> {
            if (OwnerWarning.applies(form, actor, recordForm, id == null)) {
                OwnerWarning.confirm(form, getLocale(), this::save);
            } else {
                save();
            }
        });
        recordForm.addCancelListener(cancel -> UI.getCurrent().navigate(RecordListView.path(form.id())));
        String formLabel = form.label().in(getLocale());
        if (record == null) {
            title = getTranslation("views.record.newTitle", formLabel);
            recordForm.applyDefaults(conversions);
            if (form.ownerDefault() == OwnerDefault.CREATOR && OwnerWarning.ownedByUser(form)
                    && actor.userId() != null) {
                recordForm.prefill(Map.of(form.ownerField(), List.of(String.valueOf(actor.userId()))), conversions);
            }
            recordForm.prefill(event.getLocation().getQueryParameters().getParameters(), conversions);
            draftKey = RecordDrafts.key(form.id(), event.getLocation().getQueryParameters().getQueryString());
            RecordDrafts.current().get(draftKey).ifPresent(this::restoreDraft);
            recordForm.onEdit(this::keepDraft);
        } else {
            title = formLabel + " · " + ReferenceTitles.titleOf(form, record);
            recordForm.load(record);
            history = null;
            loadRows(record.id());
            draftKey = RecordDrafts.key(form.id(), record.id());
            Record shown = record;
            RecordDrafts.current().get(draftKey).ifPresent(draft -> {
                if (draft.baseVersion() == shown.rowVersion()) {
                    restoreDraft(draft);
                } else { // saved by someone (or elsewhere) since the edit began: show that, let the user choose
                    String savedBy = shown.updatedBy() == null ? getTranslation("views.actor.system")
                            : users.name(shown.updatedBy());
                    new DraftConflictDialog(form, shown, draft, formatter, savedBy, zone, () -> {
                        recordForm.restore(draft.values(), draft.rows());
                        keepDraft(); // now a draft on the version shown
                    }, this::forgetDraft).open();
                }
            });
            recordForm.onEdit(this::keepDraft);
            Optional<WorkflowDefinition> workflow = workflows.workflow(form.id());
            if (workflow.isPresent()) {
                Optional<Set<String>> editable = workflows.editableFields(form.id(), record);
                editable.ifPresent(recordForm::lockExcept);
                lockedNotice = editable.map(fields -> lockedNotice(workflow.get(), record, fields)).orElse(null);
                // The state moves only through the workflow's buttons (the server refuses any other change of it):
                // a dropdown that looks changeable would only lead to a refused save.
                recordForm.lock(workflow.get().statusField());
                bar = new WorkflowBar(workflows, workflow.get(), form, actor, record, formatter, sources,
                        new WorkflowBar.Hooks(() -> recordForm != null && recordForm.isDirty(),
                                () -> recordForm.rowVersion(), () -> records.get(actor, form.id(), id),
                                this::moved,
                                this::transitionConflict));
                long stepsOf = record.id();
                LazyTabs.add(recordForm.tabs(), getTranslation("workflow.ui.timeline"), "workflow-tab",
                        () -> new WorkflowTimeline(workflow.get(), workflows.steps(actor, form.id(), stepsOf),
                                workflows.approvals(actor, form.id(), stepsOf), formatter));
            }
            TimelineSubject subject = new TimelineSubject(actor, form, record.id(), getLocale(), zone,
                    formatter::format);
            if (timeline.hasActivity(subject)) {
                LazyTabs.add(recordForm.tabs(), getTranslation("timeline.tab"), "timeline-tab",
                        () -> timeline.panel(subject));
            }
            RelatedRecords.addTabs(recordForm.tabs(), catalog, records, actor, form, record.id(), formatter);
            PluginTabs.add(recordForm.tabs(), pluginPanels(), record.id());
            long recordId = record.id();
            LazyTabs.add(recordForm.tabs(), getTranslation("views.history.title"), "history-tab", () -> {
                history = new HistoryPanel(records, actor, form, recordId, formatter, conversions);
                return history;
            });
        }
        H2 heading = new H2(title);
        heading.setId("record-title");
        duplicates = new DuplicateHolders(records, actor, form);
        add(heading);
        if (bar != null) {
            add(bar);
        }
        if (lockedNotice != null) {
            add(lockedNotice);
        }
        add(duplicates, new RecordJumpBar(recordForm.tabs()), recordForm);
    }

    /**
     * Why fields are read-only here: the record's state freezes them (a closed complaint: nothing may change; an
     * approved budget: only the listed fields may).
     */
    private Paragraph lockedNotice(WorkflowDefinition workflow, Record record, Set<String> editable) {
        String state = workflow.state(String.valueOf(record.get(workflow.statusField())))
                .map(s -> s.label().in(getLocale())).orElse("");
        String fields = editable.stream().map(form::field).flatMap(Optional::stream)
                .filter(f -> FormAccess.mayRead(f, actor))
                .map(f -> f.label().isEmpty() ? f.id() : f.label().in(getLocale()))
                .collect(java.util.stream.Collectors.joining(getTranslation("workflow.ui.listSeparator")));
        Paragraph notice = new Paragraph(fields.isEmpty() ? getTranslation("workflow.ui.locked", state)
                : getTranslation("workflow.ui.lockedExcept", state, fields));
        notice.setId("record-locked");
        notice.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        return notice;
    }

    private Component subtable(FieldDefinition field, RecordRules recordRules, FilterSources sources) {
        Optional<FormDefinition> child = catalog.published(field.form()).filter(f -> FormAccess.mayRead(f, actor));
        if (child.isEmpty()) {
            return new NoAccessNotice();
        }
        boolean editable = FormAccess.mayEdit(form, field, actor) && FormAccess.mayWrite(child.get(), actor);
        return new SubtableEditor(field, child.get(), editable, actor, recordRules, sources, conversions);
    }

    /** The plugin tabs of this form; none when asking the plugins fails (the record view never breaks on them). */
    private List<PluginRecordPanels.Panel> pluginPanels() {
        try {
            return pluginPanels.panels(form.id(), getLocale());
        } catch (RuntimeException | LinkageError failed) {
            LoggerFactory.getLogger(RecordView.class).warn("Plugin record panels of {} failed: {}", form.id(),
                    failed.toString());
            return List.of();
        }
    }

    /** Shows the saved rows of every subtable of record {@code recordId}. */
    private void loadRows(long recordId) {
        for (SubtableEditor rows : recordForm.subtables()) {
            rows.load(records.subtableRows(actor, form.id(), recordId, rows.field().id()));
        }
    }

    private void save() {
        try {
            Record saved = saver.save(actor, form.id(), id, recordForm.rowVersion(), recordForm.changes(),
                    recordForm.rowChanges());
            recordForm.load(saved);
            loadRows(saved.id());
            forgetDraft();
            if (id == null) {
                UI.getCurrent().navigate(path(form.id(), String.valueOf(saved.id())));
            } else if (history != null) {
                history.refresh();
            }
            duplicates.show(List.of(), recordForm::shownValue, id);
            Notification.show(getTranslation("views.record.saved"));
        } catch (RowsValidationException invalid) {
            recordForm.showErrors(invalid.errors());
            recordForm.showRowErrors(invalid.rowErrors());
            duplicates.show(invalid.errors(), recordForm::shownValue, id);
        } catch (RecordValidationException invalid) {
            recordForm.showErrors(invalid.errors());
            recordForm.showRowErrors(Map.of());
            duplicates.show(invalid.errors(), recordForm::shownValue, id);
        } catch (RecordConflictException conflict) {
            if (conflict.formId().equals(form.id())) {
                showConflict(conflict);
            } else {
                recordForm.showFormError(getTranslation("views.subtable.conflict"));
            }
        } catch (AccessRefusedException denied) {
            recordForm.showFormError(denied.message(getLocale()));
        } catch (RecordRefusedException refused) {
            recordForm.showFormError(refused.text().in(getLocale()));
        } catch (RecordNotFoundException gone) {
            removeAll();
            recordForm = null;
            add(new NoAccessNotice());
        }
    }

    private void showConflict(RecordConflictException conflict) {
        Optional<Record> theirs = records.get(actor, form.id(), id);
        if (theirs.isEmpty()) {
            removeAll();
            recordForm = null;
            add(new NoAccessNotice());
            return;
        }
        new ConflictDialog(conflict, form, theirs.get(), recordForm.changes(), formatter,
                () -> UI.getCurrent().getPage().reload(),
                () -> recordForm.rebase(theirs.get())).open();
    }

    /** A workflow step moved the record: show it as stored now, and the layout's task and notification counts. */
    private void moved() {
        reload();
        MainLayout.countsChanged(this);
    }

    /** Shows the record as stored now: state, buttons, fields. */
    private void reload() {
        Optional<Record> now = records.get(actor, form.id(), id);
        removeAll();
        recordForm = null;
        if (now.isEmpty()) {
            add(new NoAccessNotice());
            return;
        }
        build(now.get(), null);
    }

    /** Someone saved the record between reading it and taking a transition: nothing was moved. */
    private void transitionConflict(RecordConflictException conflict) {
        Optional<Record> theirs = records.get(actor, form.id(), id);
        if (theirs.isEmpty()) {
            reload();
            return;
        }
        new ConflictDialog(conflict, form, theirs.get(), Map.of(), formatter, this::reload, this::reload).open();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (recordForm == null || !recordForm.isDirty()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("views.record.unsavedTitle"),
                getTranslation("views.record.unsavedText"), getTranslation("views.record.discard"), e -> {
                    forgetDraft();
                    recordForm = null;
                    action.proceed();
                });
        confirm.setId("unsaved-dialog");
        confirm.addCancelListener(e -> confirm.close());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("views.record.keepEditing"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Remembers what the user has changed on this page so far (fields and subtable rows), after each edit. */
    private void keepDraft() {
        if (recordForm != null && draftKey != null) {
            RecordDrafts.current().keep(draftKey, new RecordDrafts.Draft(recordForm.changes(),
                    recordForm.rowChanges(), id == null ? 0 : recordForm.rowVersion()));
        }
    }

    /** Brings back what the user typed on this page before a reload or an accidental navigation. */
    private void restoreDraft(RecordDrafts.Draft draft) {
        recordForm.restore(draft.values(), draft.rows());
        Notification note = new Notification();
        note.setId("draft-restored");
        note.setDuration(15_000); // long enough to read and reach the discard button
        note.setPosition(Notification.Position.TOP_CENTER); // not over the save bar at the bottom
        Button discard = new Button(getTranslation("mobile.draftDiscard"), click -> {
            note.close();
            forgetDraft();
            UI.getCurrent().getPage().reload();
        });
        discard.setId("draft-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        note.add(new Span(getTranslation("mobile.draftRestored")), discard);
        note.open();
    }

    private void forgetDraft() {
        if (draftKey != null) {
            RecordDrafts.current().forget(draftKey);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
