-- The scheduled runs (roster files) of the connector kinds that send an insurer's changes in
-- batches, one row per run and the time it was due: the first replica to insert the row runs it,
-- the others skip it, so a schedule every replica keeps runs once. Written by DeliveryStore only;
-- rows older than a week are forgotten as new ones are taken.
create table delivery_run (
  insurer_id text        not null references insurer (id) on delete cascade,
  run        text        not null,
  due_at     timestamptz not null,
  taken_at   timestamptz not null default now(),
  primary key (insurer_id, run, due_at)
);
