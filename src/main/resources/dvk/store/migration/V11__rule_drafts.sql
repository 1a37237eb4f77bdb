-- Each person's unsaved draft of a rule set in the policy workbench: the commit it was opened from and
-- its files as edited (a zip), so that a restart of dvk serve loses no one's work. Deleted when saved
-- or discarded.
create table rule_drafts (
    user_id     bigint       not null references users (id),
    rule_set    varchar(100) not null,
    base_commit varchar(40)  not null,
    files       ${bytes}     not null,
    opened_at   timestamp with time zone not null,
    changed_at  timestamp with time zone not null,
    primary key (user_id, rule_set)
);
