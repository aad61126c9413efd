-- "Pending while provisioning runs": while an operator has set provisioning, BootNotification answers Pending.
alter table station add column provisioning boolean not null default false;
