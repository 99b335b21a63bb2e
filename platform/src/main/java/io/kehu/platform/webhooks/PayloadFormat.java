package io.kehu.platform.webhooks;

/**
 * The body an endpoint receives: the Standard Webhooks JSON event, or a text message in the shape a chat group robot
 * accepts, so a team sees "新客户反馈：…" in its chat without writing a receiver.
 */
public enum PayloadFormat {
    STANDARD,
    /** 企业微信 group robot: {@code {"msgtype":"text","text":{"content":…}}}. */
    WECOM,
    /** 钉钉 custom robot: {@code {"msgtype":"text","text":{"content":…}}}. */
    DINGTALK,
    /** 飞书 custom bot: {@code {"msg_type":"text","content":{"text":…}}}. */
    FEISHU
}
