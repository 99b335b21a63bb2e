package io.kehu.platform.webhooks.delivery;

import io.kehu.platform.webhooks.PayloadFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text message a chat group robot posts, in Chinese (the teams these robots serve read Chinese), built from the
 * event's stored body: "新客户反馈：华润食品 · 冰柜噪音大", "客户反馈「…」：处理中 → 已解决".
 */
public final class RobotMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RobotMessages() {
    }

    /** The body to POST for {@code format}; the standard format sends the event as stored. */
    public static String body(PayloadFormat format, String eventBody) {
        if (format == PayloadFormat.STANDARD) {
            return eventBody;
        }
        String text = text(JSON.readTree(eventBody));
        ObjectNode body = JSON.createObjectNode();
        switch (format) {
            case WECOM, DINGTALK -> {
                body.put("msgtype", "text");
                body.putObject("text").put("content", text);
            }
            case FEISHU -> {
                body.put("msg_type", "text");
                body.putObject("content").put("text", text);
            }
            default -> throw new IllegalArgumentException(format.name());
        }
        return JSON.writeValueAsString(body);
    }

    static String text(JsonNode event) {
        JsonNode data = event.path("data");
        String type = event.path("type").asString("");
        if (type.equals("webhook.test")) {
            return "客户平台 Webhook 测试消息：连接正常。";
        }
        String form = data.path("formLabel").path("zh").asString(data.path("form").asString("记录"));
        String subject = subject(data);
        return switch (type) {
            case "record.created" -> "新" + form + "：" + subject;
            case "record.updated" -> form + "已更新：" + subject;
            case "record.deleted" -> form + "已删除：" + subject;
            case "workflow.transition" -> {
                JsonNode move = data.path("transition");
                // No actor: the payload has the sign-in name, and a chat line should not show login names.
                yield form + "「" + subject + "」：" + move.path("fromLabel").path("zh").asString("") + " → "
                        + move.path("toLabel").path("zh").asString("");
            }
            case "task.created" -> "新待办「" + zh(data.path("task").path("title")) + "」：" + form + " · " + subject
                    + person("，负责人 ", data.path("task"), "assigneeName");
            case "task.assigned" -> "待办「" + zh(data.path("task").path("title")) + "」已转交"
                    + person("给 ", data.path("task"), "assigneeName") + "：" + form + " · " + subject;
            case "task.completed" -> "待办「" + zh(data.path("task").path("title")) + "」已完成：" + form + " · "
                    + subject;
            case "workflow.notify" -> zh(data.path("message")) + "：" + form + " · " + subject;
            default -> type.startsWith("plugin.") ? plugin(type, data, form, subject) : form + "：" + subject;
        };
    }

    /** A plugin's message as it wrote it; another plugin event by its name and payload, which only the plugin knows. */
    private static String plugin(String type, JsonNode data, String form, String subject) {
        if (data.has("message")) {
            return zh(data.path("message")) + "：" + form + " · " + subject;
        }
        String payload = data.path("payload").toString();
        return "插件事件 " + type + (payload.isEmpty() || payload.equals("{}") ? ""
                : "：" + (payload.length() > 300 ? payload.substring(0, 300) + "…" : payload));
    }

    private static String zh(JsonNode text) {
        return text.path("zh").asString("");
    }

    private static String person(String before, JsonNode task, String key) {
        String name = task.path(key).asString("");
        return name.isEmpty() ? "" : before + name;
    }

    /** The names of the records it refers to (the customer), then its own title, else its number. */
    private static String subject(JsonNode data) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> reference : data.path("references").properties()) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(reference.getValue().asString(""));
        }
        String title = data.path("title").asString("");
        if (!title.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(title.length() > 60 ? title.substring(0, 60) + "…" : title);
        }
        return text.isEmpty() ? "#" + data.path("recordId").asString("") : text.toString();
    }
}
