package io.kehu.platform.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What happened, as receivers read it in the payload's {@code type}. */
public enum EventType {
    RECORD_CREATED("record.created"),
    RECORD_UPDATED("record.updated"),
    RECORD_DELETED("record.deleted"),
    WORKFLOW_TRANSITION("workflow.transition"),
    /** A task (待办) was created with its first assignee. */
    TASK_CREATED("task.created"),
    /** A task was handed to someone else (e.g. a manager when the time limit passed). */
    TASK_ASSIGNED("task.assigned"),
    /** A task was marked done, or closed by the record leaving its state. */
    TASK_COMPLETED("task.completed"),
    /**
     * An event a plugin published: {@code plugin.<pluginId>.<event>}, where event is its bus topic (without a leading
     * {@code <pluginId>.}) or {@code message} for a notice it sent through {@code workflows().notify}.
     */
    PLUGIN("plugin.*"),
    /** A workflow's {@code notify} action that names this endpoint as its channel; not subscribed, but named. */
    NOTIFY("workflow.notify"),
    /** Sent from the console to check an endpoint; never from a change. */
    TEST("webhook.test");

    /** The prefix of plugin events' names. */
    public static final String PLUGIN_PREFIX = "plugin.";

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads and in the endpoint's subscription ({@code plugin.*} for the plugin family). */
    public String wireName() {
        return wireName;
    }

    /** Whether admins subscribe endpoints to it (a notify channel and the test event are sent on request). */
    public boolean subscribable() {
        return this != NOTIFY && this != TEST;
    }

    /** The type of an event named {@code name}: an exact name, or {@link #PLUGIN} for {@code plugin.…}. */
    public static Optional<EventType> ofWireName(String name) {
        if (name.startsWith(PLUGIN_PREFIX)) {
            return Optional.of(PLUGIN);
        }
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The name of plugin {@code pluginId}'s event {@code event}. */
    public static String pluginEvent(String pluginId, String event) {
        return PLUGIN_PREFIX + pluginId + "." + event;
    }

    /** The plugin of a {@code plugin.<pluginId>.<event>} name, or null for other names. */
    public static String pluginOf(String name) {
        if (!name.startsWith(PLUGIN_PREFIX)) {
            return null;
        }
        int dot = name.indexOf('.', PLUGIN_PREFIX.length());
        return dot < 0 ? null : name.substring(PLUGIN_PREFIX.length(), dot);
    }
}
