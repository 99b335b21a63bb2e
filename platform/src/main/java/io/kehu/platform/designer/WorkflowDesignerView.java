package io.kehu.platform.designer;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.designer.workflow.StateDialog;
import io.kehu.platform.designer.workflow.TimersTable;
import io.kehu.platform.designer.workflow.TransitionDialog;
import io.kehu.platform.designer.workflow.WorkflowEditing;
import io.kehu.platform.designer.workflow.WorkflowSummaries;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.workflow.NotifyChannels;
import io.kehu.platform.workflow.WorkflowException;
import io.kehu.platform.workflow.WorkflowProblem;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workflow editor at {@code admin/workflows/<id>}: states and transitions edited as tables (names, colour,
 * initial/final; from, to, button names) with a settings dialog per row (package {@code designer.workflow}: who may
 * act, guard, required fields, comment and actions of a transition; editable fields and time limit of a state), a
 * state diagram drawn on the server that follows every edit, the reader's problems next to the row they are about, and
 * the JSON for experts (timers are edited there). The editor works on the JSON itself, so nothing it does not know is
 * lost. The guard test tries a transition on a real record as a
 * chosen user with the runtime's checks. Drafts, publish (with the in-flight check) and the version
 * history with rollback go through {@link WorkflowVersions}.
 */
@Route(value = "admin/workflows/:workflow", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class WorkflowDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> COLOURS = StateDialog.COLOURS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DesignerServices services;
    private final WorkflowVersions versions;
    private final UserAccounts accounts;
    private final ConditionFields conditions;
    private final ObjectProvider<NotifyChannels> channels;
    private final H2 title = new H2();
    private final Span version = new Span();
    private final Grid<ObjectNode> states = new Grid<>();
    private final Grid<ObjectNode> transitions = new Grid<>();
    private final TimersTable timers = new TimersTable(() -> this.doc, this::problemText, () -> changed(false));
    private final Div diagram = new Div();
    private final Div problems = new Div();
    private final Div warnings = new Div();
    private final TextArea json = new TextArea();
    private final Div jsonProblems = new Div();
    private String workflowId;
    private ObjectNode doc;
    private List<WorkflowProblem> found = List.of();

    WorkflowDesignerView(DesignerServices services, WorkflowVersions versions, UserAccounts accounts,
                         ConditionFields conditions, ObjectProvider<NotifyChannels> channels) {
        this.services = services;
        this.channels = channels;
        this.conditions = conditions;
        this.versions = versions;
        this.accounts = accounts;
        services.admin();
        setId("wf-designer");
        Button save = new Button(getTranslation("wf.saveDraft"), VaadinIcon.DOWNLOAD_ALT.create(), e -> saveDraft());
        save.setId("wf-save-draft");
        Button publish = new Button(getTranslation("wf.publish"), VaadinIcon.UPLOAD.create(), e -> publish());
        publish.setId("wf-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button history = new Button(getTranslation("wf.history"), VaadinIcon.CLOCK.create(), e -> history());
        history.setId("wf-history");
        version.setId("wf-version");
        Button guard = new Button(getTranslation("wf.guard.open"), VaadinIcon.QUESTION_CIRCLE_O.create(),
                e -> guardTest());
        guard.setId("wf-guard-open");
        HorizontalLayout toolbar = new HorizontalLayout(save, publish, history, guard, version);
        toolbar.setAlignItems(Alignment.BASELINE);

        problems.setId("wf-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        warnings.setId("wf-warnings");
        warnings.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))")
                .set("white-space", "pre-wrap");
        diagram.setId("wf-diagram");
        diagram.getStyle().set("overflow", "auto").set("max-width", "100%");

        Button addState = new Button(getTranslation("wf.state.add"), VaadinIcon.PLUS.create(), e -> addState());
        addState.setId("wf-state-add");
        Button addTransition = new Button(getTranslation("wf.transition.add"), VaadinIcon.PLUS.create(),
                e -> addTransition());
        addTransition.setId("wf-transition-add");
        stateColumns();
        transitionColumns();
        VerticalLayout tables = new VerticalLayout(new H3(getTranslation("wf.states")), states, addState,
                new H3(getTranslation("wf.transitions")), transitions, addTransition,
                new H3(getTranslation("wf.timers")), timers);
        tables.setPadding(false);

        json.setId("wf-json");
        json.setWidthFull();
        json.setMinHeight("28em");
        json.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        jsonProblems.setId("wf-json-problems");
        jsonProblems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        Button apply = new Button(getTranslation("wf.json.apply"), e -> applyJson());
        apply.setId("wf-json-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        VerticalLayout jsonTab = new VerticalLayout(apply, jsonProblems, json);
        jsonTab.setPadding(false);

        TabSheet tabs = new TabSheet();
        tabs.setId("wf-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("wf.tab.tables"), tables);
        tabs.add(getTranslation("wf.tab.json"), jsonTab);
        tabs.addSelectedChangeListener(e -> json.setValue(pretty(doc)));
        add(title, toolbar, problems, warnings, diagram, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        workflowId = event.getRouteParameters().get("workflow").orElse("");
        WorkflowVersion shown = versions.draft(workflowId).or(() -> versions.published(workflowId)).orElse(null);
        if (shown == null) {
            event.forwardTo(WorkflowsAdminView.class);
            return;
        }
        load(shown.json());
    }

    /** Shows {@code text} (a stored version or draft); a draft that is not even JSON opens in the JSON view. */
    void load(String text) {
        try {
            doc = (ObjectNode) JSON.readTree(text);
        } catch (JacksonException | ClassCastException e) {
            doc = JSON.createObjectNode();
            jsonProblems.setText(getTranslation("wf.json.notJson"));
        }
        json.setValue(text);
        refreshAll();
    }

    /** The JSON being edited. */
    String currentJson() {
        return pretty(doc);
    }

    /** The reader's problems with the JSON being edited (none: it would publish). */
    List<WorkflowProblem> problems() {
        return found;
    }

    private void stateColumns() {
        states.setId("wf-states");
        states.setAllRowsVisible(true);
        states.addComponentColumn(s -> text("wf-state-id-" + index(states, s), s, "id", null))
                .setKey("id").setHeader(getTranslation("wf.state.id")).setAutoWidth(true);
        states.addComponentColumn(s -> text("wf-state-zh-" + index(states, s), s, "label", "zh"))
                .setKey("zh").setHeader(getTranslation("wf.label.zh")).setAutoWidth(true);
        states.addComponentColumn(s -> text("wf-state-en-" + index(states, s), s, "label", "en"))
                .setKey("en").setHeader(getTranslation("wf.label.en")).setAutoWidth(true);
        states.addComponentColumn(s -> {
            Select<String> colour = new Select<>();
            colour.setId("wf-state-colour-" + index(states, s));
            colour.setItems(COLOURS);
            colour.setItemLabelGenerator(c -> getTranslation("wf.colour." + c));
            colour.setValue(COLOURS.contains(s.path("color").asString("")) ? s.path("color").asString() : null);
            colour.addValueChangeListener(e -> {
                s.put("color", e.getValue());
                changed(false);
            });
            return colour;
        }).setKey("colour").setHeader(getTranslation("wf.state.colour")).setAutoWidth(true);
        states.addComponentColumn(s -> flag("wf-state-initial-" + index(states, s), s, "initial"))
                .setKey("initial").setHeader(getTranslation("wf.state.initial")).setAutoWidth(true);
        states.addComponentColumn(s -> flag("wf-state-final-" + index(states, s), s, "final"))
                .setKey("final").setHeader(getTranslation("wf.state.final")).setAutoWidth(true);
        states.addComponentColumn(s -> {
            Span sla = new Span(WorkflowSummaries.sla(s, this));
            sla.setId("wf-state-sla-" + index(states, s));
            return sla;
        }).setKey("sla").setHeader(getTranslation("wf.state.sla")).setAutoWidth(true);
        states.addComponentColumn(s -> settings("wf-state-edit-" + index(states, s), () -> editState(s)))
                .setKey("settings").setAutoWidth(true);
        states.addComponentColumn(s -> rowProblems("$.states[" + index(states, s) + "]"))
                .setKey("problems").setHeader(getTranslation("wf.problems")).setFlexGrow(1);
        states.addComponentColumn(s -> remove("wf-state-remove-" + index(states, s), "states", s))
                .setKey("remove").setAutoWidth(true);
    }

    private void transitionColumns() {
        transitions.setId("wf-transitions");
        transitions.setAllRowsVisible(true);
        transitions.addComponentColumn(t -> text("wf-transition-id-" + index(transitions, t), t, "id", null))
                .setKey("id").setHeader(getTranslation("wf.transition.id")).setAutoWidth(true);
        transitions.addComponentColumn(t -> {
            MultiSelectComboBox<String> from = new MultiSelectComboBox<>();
            from.setId("wf-transition-from-" + index(transitions, t));
            from.setItems(stateIds());
            from.setItemLabelGenerator(this::stateLabel);
            Set<String> chosen = new LinkedHashSet<>();
            t.path("from").forEach(f -> chosen.add(f.asString("")));
            chosen.retainAll(stateIds());
            from.setValue(chosen);
            from.addValueChangeListener(e -> {
                ArrayNode list = t.putArray("from");
                stateIds().stream().filter(e.getValue()::contains).forEach(list::add);
                changed(false);
            });
            return from;
        }).setKey("from").setHeader(getTranslation("wf.transition.from")).setAutoWidth(true);
        transitions.addComponentColumn(t -> {
            Select<String> to = new Select<>();
            to.setId("wf-transition-to-" + index(transitions, t));
            to.setItems(stateIds());
            to.setItemLabelGenerator(this::stateLabel);
            String current = t.path("to").asString("");
            to.setValue(stateIds().contains(current) ? current : null);
            to.addValueChangeListener(e -> {
                t.put("to", e.getValue());
                changed(false);
            });
            return to;
        }).setKey("to").setHeader(getTranslation("wf.transition.to")).setAutoWidth(true);
        transitions.addComponentColumn(t -> text("wf-transition-zh-" + index(transitions, t), t, "label", "zh"))
                .setKey("zh").setHeader(getTranslation("wf.transition.label.zh")).setAutoWidth(true);
        transitions.addComponentColumn(t -> text("wf-transition-en-" + index(transitions, t), t, "label", "en"))
                .setKey("en").setHeader(getTranslation("wf.transition.label.en")).setAutoWidth(true);
        transitions.addComponentColumn(t -> {
            Span summary = new Span(WorkflowSummaries.transition(t, this));
            summary.setId("wf-transition-summary-" + index(transitions, t));
            summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
            Button edit = settings("wf-transition-edit-" + index(transitions, t), () -> editTransition(t));
            HorizontalLayout cell = new HorizontalLayout(edit, summary);
            cell.setAlignItems(Alignment.CENTER);
            return cell;
        }).setKey("settings").setHeader(getTranslation("wf.transition.settings")).setAutoWidth(true);
        transitions.addComponentColumn(t -> rowProblems("$.transitions[" + index(transitions, t) + "]"))
                .setKey("problems").setHeader(getTranslation("wf.problems")).setFlexGrow(1);
        transitions.addComponentColumn(t -> remove("wf-transition-remove-" + index(transitions, t), "transitions", t))
                .setKey("remove").setAutoWidth(true);
    }

    /** A text input bound to {@code node.key} (or {@code node.key.sub} for a zh/en label). */
    private TextField text(String id, ObjectNode node, String key, String sub) {
        TextField field = new TextField();
        field.setId(id);
        field.setValue(sub == null ? node.path(key).asString("") : node.path(key).path(sub).asString(""));
        field.addValueChangeListener(e -> {
            String value = e.getValue().strip();
            if (sub == null) {
                String old = node.path(key).asString("");
                node.put(key, value);
                if ("id".equals(key) && node.has("label") && isState(node)) {
                    renameState(old, value);
                }
                changed(true);
            } else {
                ObjectNode label = node.has(key) && node.get(key).isObject() ? (ObjectNode) node.get(key)
                        : node.putObject(key);
                label.put(sub, value);
                changed(false);
            }
        });
        return field;
    }

    private Checkbox flag(String id, ObjectNode state, String key) {
        Checkbox box = new Checkbox(state.path(key).asBoolean(false));
        box.setId(id);
        box.setAriaLabel(getTranslation("wf.state." + key));
        box.addValueChangeListener(e -> {
            if (Boolean.TRUE.equals(e.getValue())) {
                if ("initial".equals(key)) {
                    // Exactly one state is initial: choosing one unchooses the others.
                    array("states").forEach(s -> ((ObjectNode) s).remove("initial"));
                }
                state.put(key, true);
            } else {
                state.remove(key);
            }
            changed(true);
        });
        return box;
    }

    private Button remove(String id, String list, ObjectNode node) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            ArrayNode items = array(list);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == node) {
                    items.remove(i);
                    break;
                }
            }
            changed(true);
        });
        remove.setId(id);
        remove.setAriaLabel(getTranslation("wf.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Button settings(String id, Runnable open) {
        Button edit = new Button(getTranslation("wf.settings"), VaadinIcon.COG_O.create(), e -> open.run());
        edit.setId(id);
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return edit;
    }

    /** The problems with the part of the definition at {@code path}, one a line, in the admin's language. */
    private String problemText(String path) {
        return found.stream().filter(p -> p.jsonPath().equals(path) || p.jsonPath().startsWith(path + ".")
                        || p.jsonPath().startsWith(path + "["))
                .map(p -> p.message(getLocale())).collect(Collectors.joining("\n"));
    }

    /** Opens the transition's settings (who may act, guard, required fields, comment, actions). */
    void editTransition(ObjectNode transition) {
        editing().ifPresent(e -> {
            TransitionDialog dialog = new TransitionDialog(transition, e, () -> changed(true));
            dialog.showProblems(problemText("$.transitions[" + index(transitions, transition) + "]"));
            dialog.open();
        });
    }

    /** Opens the state's settings (editable fields, time limit, pause, colour, initial/final). */
    void editState(ObjectNode state) {
        editing().ifPresent(e -> {
            StateDialog dialog = new StateDialog(state, e, () -> {
                if (state.path("initial").asBoolean(false)) {
                    // Exactly one state is initial: choosing one unchooses the others.
                    array("states").forEach(s -> {
                        if (s != state) {
                            ((ObjectNode) s).remove("initial");
                        }
                    });
                }
                changed(true);
            });
            dialog.showProblems(problemText("$.states[" + index(states, state) + "]"));
            dialog.open();
        });
    }

    private java.util.Optional<WorkflowEditing> editing() {
        java.util.Optional<WorkflowEditing> editing = WorkflowEditing.of(doc, services.catalog, versions, conditions,
                channels.stream().flatMap(c -> c.channels().stream()).toList());
        if (editing.isEmpty()) {
            Notification.show(getTranslation("wf.formNotPublished"));
        }
        return editing;
    }

    private Span rowProblems(String path) {
        Span span = new Span(problemText(path));
        span.setId("wf-problem-" + path.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
        span.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap")
                .set("font-size", "var(--lumo-font-size-s)");
        return span;
    }

    void addState() {
        ArrayNode list = array("states");
        String id = freeId(stateIds(), "state_");
        ObjectNode state = list.addObject();
        state.put("id", id);
        // Labels are data in both languages, whatever the editor's language.
        state.putObject("label").put("zh", "新状态" + list.size()).put("en", "New state " + list.size());
        state.put("color", "grey");
        changed(true);
    }

    void addTransition() {
        ArrayNode list = array("transitions");
        List<String> ids = StreamSupport.stream(list.spliterator(), false).map(t -> t.path("id").asString(""))
                .toList();
        ObjectNode transition = list.addObject();
        transition.put("id", freeId(ids, "transition_"));
        List<String> stateIds = stateIds();
        transition.putArray("from");
        if (!stateIds.isEmpty()) {
            ((ArrayNode) transition.get("from")).add(stateIds.getFirst());
            transition.put("to", stateIds.getLast());
        }
        transition.putObject("label").put("zh", "新操作" + list.size()).put("en", "New action " + list.size());
        changed(true);
    }

    private void renameState(String old, String now) {
        if (old.isBlank() || old.equals(now)) {
            return;
        }
        // A renamed state keeps its transitions and timers: references follow the new id.
        for (JsonNode t : array("transitions")) {
            ObjectNode move = (ObjectNode) t;
            if (old.equals(move.path("to").asString(""))) {
                move.put("to", now);
            }
            ArrayNode from = move.has("from") && move.get("from").isArray() ? (ArrayNode) move.get("from") : null;
            for (int i = 0; from != null && i < from.size(); i++) {
                if (old.equals(from.get(i).asString(""))) {
                    from.set(i, JSON.getNodeFactory().stringNode(now));
                }
            }
        }
        for (JsonNode timer : doc.path("timers")) { // never adds an empty list
            if (old.equals(timer.path("state").asString(""))) {
                ((ObjectNode) timer).put("state", now);
            }
        }
    }

    /** After an edit: the diagram and problems follow; rows are drawn again when the lists' shape changed. */
    private void changed(boolean rowsChanged) {
        check();
        drawDiagram();
        if (rowsChanged) {
            refreshRows();
        } else {
            states.getDataProvider().refreshAll();
            transitions.getDataProvider().refreshAll();
            timers.refresh();
        }
    }

    private void refreshAll() {
        check();
        drawDiagram();
        refreshRows();
        title.setText(getTranslation("wf.title", label()));
        version.setText(versions.published(workflowId).map(v -> getTranslation("wf.version", v.number()))
                .orElse(getTranslation("wf.notPublished"))
                + versions.draft(workflowId).map(d -> " · " + getTranslation("wf.hasDraft")).orElse(""));
    }

    private void refreshRows() {
        states.setItems(objects("states"));
        transitions.setItems(objects("transitions"));
        timers.refresh();
    }

    private void check() {
        try {
            versions.check(pretty(doc));
            found = List.of();
            problems.setText("");
        } catch (WorkflowException e) {
            found = e.problems();
            problems.setText(getTranslation("wf.problems.count", found.size()) + "\n" + found.stream()
                    .map(p -> p.jsonPath() + "：" + p.message(getLocale())).collect(Collectors.joining("\n")));
        }
        warnings.setText(missingChannels().stream().map(name -> getTranslation("wf.channels.missing", name))
                .collect(Collectors.joining("\n")));
    }

    /** Channels the workflow's notify actions name that no enabled webhook endpoint has (a warning, not a refusal). */
    private List<String> missingChannels() {
        return ChannelWarnings.missing(doc, channels.stream().flatMap(c -> c.channels().stream()).toList());
    }

    private void drawDiagram() {
        diagram.removeAll();
        diagram.add(new Html("<div>" + WorkflowDiagram.svg(doc, getLocale()) + "</div>"));
    }

    /** The diagram as drawn now (SVG). */
    String diagramSvg() {
        return WorkflowDiagram.svg(doc, getLocale());
    }

    private void applyJson() {
        try {
            JsonNode read = JSON.readTree(json.getValue());
            if (!(read instanceof ObjectNode object)) {
                jsonProblems.setText(getTranslation("wf.json.notJson"));
                return;
            }
            if (!workflowId.equals(object.path("id").asString(""))) {
                jsonProblems.setText(getTranslation("wf.json.otherId", object.path("id").asString(""), workflowId));
                return;
            }
            doc = object;
            jsonProblems.setText("");
            refreshAll();
        } catch (JacksonException e) {
            jsonProblems.setText(getTranslation("wf.json.notJson"));
        }
    }

    private void saveDraft() {
        versions.saveDraft(services.admin(), workflowId, pretty(doc));
        Notification.show(getTranslation("wf.draftSaved"));
        refreshAll();
    }

    private void publish() {
        new WorkflowPublishDialog(services, versions, pretty(doc), null, missingChannels(), v -> {
            Notification.show(getTranslation("wf.published", v.number()));
            load(v.json());
        }).open();
    }

    private void history() {
        new WorkflowHistoryDialog(services, versions, workflowId, v -> {
            Notification.show(getTranslation("wf.published", v.number()));
            load(v.json());
        }).open();
    }

    private void guardTest() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (JsonNode t : array("transitions")) {
            String id = t.path("id").asString("");
            String name = t.path("label").path("zh".equals(getLocale().getLanguage()) ? "zh" : "en").asString("");
            names.putIfAbsent(id, name.isBlank() ? id : name);
        }
        new WorkflowGuardTestDialog(services, versions, accounts, pretty(doc), names).open();
    }

    private List<String> stateIds() {
        List<String> ids = new ArrayList<>();
        array("states").forEach(s -> {
            String id = s.path("id").asString("");
            if (!id.isBlank() && !ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private String stateLabel(String id) {
        for (JsonNode s : array("states")) {
            if (id.equals(s.path("id").asString(""))) {
                String text = s.path("label").path("zh".equals(getLocale().getLanguage()) ? "zh" : "en")
                        .asString("");
                return text.isBlank() ? id : text;
            }
        }
        return id;
    }

    private boolean isState(ObjectNode node) {
        for (JsonNode s : array("states")) {
            if (s == node) {
                return true;
            }
        }
        return false;
    }

    private String label() {
        String text = doc.path("label").path("zh".equals(getLocale().getLanguage()) ? "zh" : "en").asString("");
        return text.isBlank() ? workflowId : text;
    }

    private ArrayNode array(String key) {
        if (!doc.has(key) || !doc.get(key).isArray()) {
            doc.putArray(key);
        }
        return (ArrayNode) doc.get(key);
    }

    private List<ObjectNode> objects(String key) {
        List<ObjectNode> list = new ArrayList<>();
        array(key).forEach(n -> {
            if (n instanceof ObjectNode o) {
                list.add(o);
            }
        });
        return list;
    }

    private int index(Grid<ObjectNode> grid, ObjectNode node) {
        ArrayNode list = array(grid == states ? "states" : "transitions");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    private static String freeId(List<String> taken, String prefix) {
        int n = taken.size() + 1;
        while (taken.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wf.title", workflowId == null ? "" : label()) + " · " + getTranslation("app.name");
    }
}
