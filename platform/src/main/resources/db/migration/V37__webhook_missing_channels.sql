-- Webhook channels that a workflow's or an automation's `notify` named while no enabled endpoint had that channel
-- name (issue 19): administrators get an in-app alert once per channel, when its row is first written; the row is
-- deleted when an enabled endpoint takes the name, so a channel that goes missing again is told about again.
create table kehu_webhook_missing_channel (
    channel       varchar(64)  primary key,
    named_by      varchar(200) not null,
    first_seen_at timestamp with time zone not null
);
