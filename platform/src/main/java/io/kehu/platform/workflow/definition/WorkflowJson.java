package io.kehu.platform.workflow.definition;

import io.kehu.platform.security.Role;
import io.kehu.platform.workflow.ActorRule;
import io.kehu.platform.workflow.Approval;
import io.kehu.platform.workflow.Sla;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.WorkflowAction;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowTimer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The structure of a workflow definition: keys, types, ids, sizes. Meaning against the form is
 * {@link WorkflowChecks}'. Returns {@code null} when anything was wrong (the problems say what).
 */
public final class WorkflowJson {

    static final int MAX_STATES = 50;
    static final int MAX_TRANSITIONS = 200;
    static final int MAX_ACTIONS = 20;
    static final int MAX_TIMERS = 50;
    static final int MAX_FIELDS = 200;
    static final int MAX_SCRIPT = 4_000;
    static final List<String> COLORS = List.of("grey", "blue", "green", "orange", "red", "purple");
    private static final Set<String> ROOT_KEYS = Set.of("$schema", "id", "label", "form", "statusField", "calendar",
            "states", "transitions", "timers");
    private static final Set<String> STATE_KEYS = Set.of("id", "label", "color", "initial", "final", "editable", "sla",
            "pausesSla");
    private static final Set<String> TRANSITION_KEYS = Set.of("id", "from", "to", "label", "actors", "guard",
            "guardMessage", "requires", "comment", "actions", "approval");
    private static final Set<String> ACTOR_KEYS = Set.of("roles", "owner", "userFields", "notUserFields",
            "notCreator", "when");

    private final JsonCursor.Problems problems;

    public WorkflowJson(JsonCursor.Problems problems) {
        this.problems = problems;
    }

    public WorkflowDefinition read(JsonNode root) {
        JsonCursor at = new JsonCursor(root, "$", problems);
        if (!at.object(ROOT_KEYS)) {
            return null;
        }
        int before = problems.found().size();
        String id = at.key("id").id(true);
        var label = at.key("label").localized(true);
        String form = at.key("form").id(true);
        String statusField = at.key("statusField").id(true);
        String calendar = at.key("calendar").present() ? at.key("calendar").text(true) : "cn-mainland";
        List<WorkflowState> states = new ArrayList<>();
        for (JsonCursor item : at.key("states").list(MAX_STATES, true)) {
            states.add(state(item));
        }
        List<Transition> transitions = new ArrayList<>();
        for (JsonCursor item : at.key("transitions").list(MAX_TRANSITIONS, true)) {
            transitions.add(transition(item));
        }
        List<WorkflowTimer> timers = new ArrayList<>();
        for (JsonCursor item : at.key("timers").list(MAX_TIMERS, false)) {
            timers.add(timer(item));
        }
        uniqueIds(at.key("states"), states.stream().map(s -> s == null ? null : s.id()).toList());
        uniqueIds(at.key("transitions"), transitions.stream().map(t -> t == null ? null : t.id()).toList());
        uniqueIds(at.key("timers"), timers.stream().map(t -> t == null ? null : t.id()).toList());
        if (problems.found().size() > before) {
            return null;
        }
        return new WorkflowDefinition(id, label, form, statusField, calendar, states, transitions, timers);
    }

    private WorkflowState state(JsonCursor at) {
        if (!at.object(STATE_KEYS)) {
            return null;
        }
        String id = at.key("id").id(true);
        var label = at.key("label").localized(true);
        String color = at.key("color").choice(COLORS, "grey");
        Set<String> editable = at.key("editable").present() ? Set.copyOf(at.key("editable").ids(MAX_FIELDS)) : null;
        Sla sla = at.key("sla").present() ? sla(at.key("sla")) : null;
        if (id == null || label == null || color == null) {
            return null;
        }
        return new WorkflowState(id, label, color, at.key("initial").flag(), at.key("final").flag(), editable, sla,
                at.key("pausesSla").flag());
    }

    private Sla sla(JsonCursor at) {
        if (!at.object(Set.of("within", "workingTime", "remindBefore", "onBreach"))) {
            return null;
        }
        var within = at.key("within").duration(true);
        var remind = at.key("remindBefore").duration(false);
        Set<Sla.Breach> breaches = EnumSet.noneOf(Sla.Breach.class);
        List<String> names = List.of("notifyManager", "reassignToManager");
        for (JsonCursor item : at.key("onBreach").list(names.size(), false)) {
            String name = item.choice(names, null);
            if (name != null) {
                breaches.add(name.equals("notifyManager") ? Sla.Breach.NOTIFY_MANAGER
                        : Sla.Breach.REASSIGN_TO_MANAGER);
            }
        }
        boolean working = !at.key("workingTime").present() || at.key("workingTime").flag();
        return within == null ? null : new Sla(within, working, remind, breaches);
    }

    private Transition transition(JsonCursor at) {
        if (!at.object(TRANSITION_KEYS)) {
            return null;
        }
        String id = at.key("id").id(true);
        List<String> from = new ArrayList<>();
        List<JsonCursor> fromItems = at.key("from").list(MAX_STATES, true);
        if (at.key("from").present() && fromItems.isEmpty()) {
            at.key("from").problem(Kind.MISSING, "from");
        }
        for (JsonCursor item : fromItems) {
            String state = item.id(true);
            if (state != null) {
                from.add(state);
            }
        }
        String to = at.key("to").id(true);
        var label = at.key("label").localized(true);
        ActorRule actors = at.key("actors").present() ? actors(at.key("actors")) : ActorRule.ANYONE;
        String guard = at.key("guard").text(false, MAX_SCRIPT);
        var guardMessage = at.key("guardMessage").localized(false);
        List<String> requires = at.key("requires").ids(MAX_FIELDS);
        String comment = at.key("comment").choice(List.of("none", "optional", "required"), "none");
        List<WorkflowAction> actions = new ArrayList<>();
        for (JsonCursor item : at.key("actions").list(MAX_ACTIONS, false)) {
            actions.add(new ActionJson(item).read(this));
        }
        Approval approval = null;
        if (at.key("approval").present()) {
            approval = new ApprovalJson(at.key("approval")).read(this);
            if (at.key("actors").present()) {
                at.key("actors").problem(Kind.APPROVAL_WITH_ACTORS);
            }
            if (approval == null || at.key("actors").present()) {
                return null;
            }
        }
        if (id == null || to == null || label == null || actors == null || comment == null
                || actions.contains(null)) {
            return null;
        }
        return new Transition(id, Set.copyOf(from), to, label, actors, guard, guardMessage, requires,
                Transition.Comment.valueOf(comment.toUpperCase(Locale.ROOT)), actions, approval);
    }

    ActorRule actors(JsonCursor at) {
        if (!at.object(ACTOR_KEYS)) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> roleNames = List.of("ADMIN", "MANAGER", "STAFF");
        for (JsonCursor item : at.key("roles").list(roleNames.size(), false)) {
            String role = item.choice(roleNames, null);
            if (role != null) {
                roles.add(Role.valueOf(role));
            }
        }
        return new ActorRule(roles, at.key("owner").flag(), at.key("userFields").ids(MAX_FIELDS),
                at.key("notUserFields").ids(MAX_FIELDS), at.key("notCreator").flag(),
                at.key("when").text(false, MAX_SCRIPT));
    }

    private WorkflowTimer timer(JsonCursor at) {
        if (!at.object(Set.of("id", "state", "after", "workingTime", "transition"))) {
            return null;
        }
        String id = at.key("id").id(true);
        String state = at.key("state").id(true);
        var after = at.key("after").duration(true);
        String transition = at.key("transition").id(true);
        if (id == null || state == null || after == null || transition == null) {
            return null;
        }
        return new WorkflowTimer(id, state, after, at.key("workingTime").flag(), transition);
    }

    private void uniqueIds(JsonCursor list, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && !seen.add(id)) {
                problems.add(list.path() + "[" + i + "].id", Kind.DUPLICATE_ID, id);
            }
        }
    }
}
