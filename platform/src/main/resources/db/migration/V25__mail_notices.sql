-- E-mail notices (issue #17): each user may give an e-mail address and choose whether the bell's notifications also
-- reach them by mail. The notification row is the mail's outbox: mail_state null = still to send (when its user has
-- an address and wants mail), 'sending' = claimed until mail_next_at (a node that dies mid-send lets another retry),
-- 'retry' = failed, tried again from mail_next_at, 'sent', 'failed' (gave up after several attempts), 'skipped'
-- (written before e-mail existed: never mailed, so an upgrade does not send a burst of old news).
alter table kehu_user add column email varchar(254);
alter table kehu_user add column email_notices boolean default true not null;

alter table kehu_notification add column mail_state varchar(16);
alter table kehu_notification add column mail_attempts integer default 0 not null;
alter table kehu_notification add column mail_next_at timestamp with time zone;
update kehu_notification set mail_state = 'skipped';

-- The sender's scan: recent notifications still to mail, in order.
create index kehu_notification_mail_ix on kehu_notification (mail_state, created_at, id);
