-- Webhooks, second part (issue #19): a rule filter per endpoint (a Groovy condition on the record, run in the rules
-- sandbox when an event is written; why it last failed is kept for the console), a channel name that workflow
-- notify actions use to send to an endpoint (e.g. a WeCom group robot), the signing secret of DingTalk and Feishu
-- robots (加签; used as an HMAC key, so stored as issued like the endpoint's own secret), and room in event_types for
-- per-plugin subscriptions (plugin.<id>.*).
alter table kehu_webhook_endpoint alter column event_types set data type varchar(2000);
alter table kehu_webhook_endpoint add column filter_rule varchar(4000);
alter table kehu_webhook_endpoint add column rule_problem varchar(500);
alter table kehu_webhook_endpoint add column rule_problem_at timestamp with time zone;
alter table kehu_webhook_endpoint add column channel varchar(64);
alter table kehu_webhook_endpoint add column robot_secret varchar(200);
create unique index kehu_webhook_endpoint_channel_ux on kehu_webhook_endpoint (channel);
-- Event names of plugins are plugin.<id>.<event>: longer than the fixed types.
alter table kehu_webhook_event alter column event_type set data type varchar(200);
