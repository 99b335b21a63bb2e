package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.WorkflowTaskChanged;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Standard Webhooks body {@code {"type", "timestamp", "data"}} of an event. Kept small on purpose: the
 * record's id, form (with its zh/en label), title, the names of the records it refers to, and the fields that changed
 * with their values as the platform reads them; receivers that need more ask the API. Long texts are clipped.
 */
@Component
public class EventPayloads {

    static final int MAX_TEXT = 500;
    static final int MAX_PAYLOAD = 7500;
    private static final Actor PLATFORM = Actor.system("webhooks");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Records records;
    private final FormCatalog forms;
    private final UserAccounts accounts;

    public EventPayloads(Records records, FormCatalog forms, UserAccounts accounts) {
        this.records = records;
        this.forms = forms;
        this.accounts = accounts;
    }

    /** The body of a record's event; the record is read in the caller's transaction (it sees the change). */
    public String recordEvent(EventType type, String formId, long recordId, long sequence,
            Collection<String> changedFields, Instant at) {
        ObjectNode data = recordData(formId, recordId, sequence);
        Optional<Record> record = records.get(PLATFORM, formId, recordId);
        Optional<FormDefinition> form = forms.published(formId);
        if (record.isPresent() && form.isPresent()) {
            describe(data, form.get(), record.get());
            ObjectNode changed = data.putObject("changed");
            for (String field : changedFields.stream().sorted().toList()) {
                changed.set(field, JSON.valueToTree(value(record.get().get(field))));
            }
        }
        String body = body(type, at, data);
        if (body.length() > MAX_PAYLOAD) {
            // Too big even clipped (very many fields): keep the names of what changed, the values are a read away.
            data.remove("changed");
            ArrayNode names = data.putArray("changedFields");
            changedFields.stream().sorted().forEach(names::add);
            body = body(type, at, data);
        }
        return body;
    }

    /** The body of one record of a bulk write: without values, which would cost a read per record. */
    public String bulkRecordEvent(EventType type, String formId, long recordId, long sequence,
            Collection<String> changedFields, Instant at) {
        ObjectNode data = recordData(formId, recordId, sequence);
        forms.published(formId).ifPresent(f -> label(data, f.label()));
        ArrayNode names = data.putArray("changedFields");
        changedFields.stream().sorted().forEach(names::add);
        return body(type, at, data);
    }

    /** The body of a workflow transition. */
    public String transitionEvent(String formId, long recordId, long sequence, String workflowId, String transitionId,
            LocalizedText transition, String from, LocalizedText fromLabel, String to, LocalizedText toLabel,
            String comment, String actedBy, Instant at) {
        ObjectNode data = recordData(formId, recordId, sequence);
        records.get(PLATFORM, formId, recordId).ifPresent(record ->
                forms.published(formId).ifPresent(form -> describe(data, form, record)));
        ObjectNode move = data.putObject("transition");
        move.put("workflow", workflowId);
        move.put("id", transitionId);
        text(move.putObject("label"), transition);
        move.put("from", from);
        text(move.putObject("fromLabel"), fromLabel);
        move.put("to", to);
        text(move.putObject("toLabel"), toLabel);
        move.put("comment", clip(comment));
        move.put("actedBy", actedBy);
        return body(EventType.WORKFLOW_TRANSITION, at, data);
    }

    /** The body of a task's event ({@code task.created}, {@code task.assigned}, {@code task.completed}). */
    public String taskEvent(EventType type, WorkflowTaskChanged changed, long sequence, Instant at) {
        WorkflowTask task = changed.task();
        ObjectNode data = recordData(task.formId(), task.recordId(), sequence);
        describeRecord(data, task.formId(), task.recordId());
        ObjectNode node = data.putObject("task");
        node.put("id", task.id());
        node.put("kind", task.kind());
        text(node.putObject("title"), task.title());
        person(node, "assignee", task.assigneeId());
        node.put("dueAt", task.dueAt() == null ? null : task.dueAt().toString());
        node.put("status", task.status().name().toLowerCase(java.util.Locale.ROOT));
        // The same naming as the SDK's TaskInfo: plugin:<id>, automation:<id>, else workflow:<id>.
        node.put("source", task.workflowId().contains(":") ? task.workflowId() : "workflow:" + task.workflowId());
        if (changed.actedBy() != null) {
            person(node, changed.change() == WorkflowTaskChanged.Change.ASSIGNED ? "assignedBy" : "completedBy",
                    changed.actedBy());
        }
        return body(type.wireName(), at, data);
    }

    /**
     * The body of a notice: a workflow's {@code notify} sent to its channel ({@code workflow.notify}), or a plugin's
     * message ({@code plugin.<id>.message}).
     */
    public String noticeEvent(String name, String formId, long recordId, long sequence, String source,
            LocalizedText message, Instant at) {
        ObjectNode data = recordData(formId, recordId, sequence);
        describeRecord(data, formId, recordId);
        data.put("source", source);
        text(data.putObject("message"), message);
        return body(name, at, data);
    }

    /** The body of an event a plugin published on its bus; a payload too big for the outbox is left out. */
    public String pluginEvent(String name, String pluginId, String topic, Map<String, Object> payload, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("plugin", pluginId);
        data.put("topic", topic);
        ObjectNode values = data.putObject("payload");
        payload.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> values.set(e.getKey(), JSON.valueToTree(value(e.getValue()))));
        String body = body(name, at, data);
        if (body.length() > MAX_PAYLOAD) {
            data.remove("payload");
            data.put("payloadOmitted", true);
            body = body(name, at, data);
        }
        return body;
    }

    /** The body of the console's test event. */
    public String testEvent(Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("message", "Kehu webhook test / 客户平台 Webhook 测试");
        return body(EventType.TEST, at, data);
    }

    private static ObjectNode recordData(String formId, long recordId, long sequence) {
        ObjectNode data = JSON.createObjectNode();
        data.put("form", formId);
        data.put("recordId", recordId);
        data.put("sequence", sequence);
        return data;
    }

    private void describeRecord(ObjectNode data, String formId, long recordId) {
        records.get(PLATFORM, formId, recordId).ifPresent(record ->
                forms.published(formId).ifPresent(form -> describe(data, form, record)));
    }

    /** A user as receivers can use them: the sign-in name, and the name people know them by. */
    private void person(ObjectNode node, String key, long userId) {
        Optional<UserAccount> user = accounts.findById(userId);
        node.put(key, user.map(UserAccount::username).orElse(null));
        node.put(key + "Name", user.map(UserAccount::displayName).orElse(null));
    }

    private void describe(ObjectNode data, FormDefinition form, Record record) {
        label(data, form.label());
        if (form.titleField() != null) {
            data.put("title", clip(stringOf(record.get(form.titleField()))));
        }
        ObjectNode references = null;
        for (FieldDefinition field : form.fields()) {
            if (field.type() == FieldType.REFERENCE && record.get(field.id()) instanceof Number id) {
                String name = titleOf(field.form(), id.longValue());
                if (name != null) {
                    if (references == null) {
                        references = data.putObject("references");
                    }
                    references.put(field.id(), clip(name));
                }
            }
        }
    }

    private String titleOf(String formId, long id) {
        Optional<FormDefinition> form = forms.published(formId);
        if (form.isEmpty() || form.get().titleField() == null) {
            return null;
        }
        return records.get(PLATFORM, formId, id).map(r -> stringOf(r.get(form.get().titleField()))).orElse(null);
    }

    private static void label(ObjectNode data, LocalizedText label) {
        text(data.putObject("formLabel"), label);
    }

    private static void text(ObjectNode node, LocalizedText text) {
        node.put("zh", text == null ? null : text.zh());
        node.put("en", text == null ? null : text.en());
    }

    private static String body(EventType type, Instant at, ObjectNode data) {
        return body(type.wireName(), at, data);
    }

    private static String body(String type, Instant at, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.set("data", data);
        return JSON.writeValueAsString(body);
    }

    /** A value as JSON: numbers, booleans and texts as they are, money as amount and currency, the rest as text. */
    private static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Money money) {
            return java.util.Map.of("amount", money.amount().toPlainString(), "currency", money.currency());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(EventPayloads::stringOf).toList();
        }
        return clip(stringOf(value));
    }

    private static String stringOf(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
