-- A scheduled run is held, not just taken: the replica running it holds a lease it renews while
-- the run lasts, and records how it ended. A run whose holder died (its lease ran out) or that
-- failed (held until its retry time) is taken again by any replica, until the same run's next
-- due time supersedes it. Written by DeliveryStore's RunLedger only.
alter table delivery_run
  add column holder       uuid,
  add column held_until   timestamptz,
  add column attempts     integer not null default 1,
  add column completed_at timestamptz,
  add column last_error   text;

-- Runs taken before this change ran once, and are over.
update delivery_run set completed_at = taken_at;

create index delivery_run_unfinished on delivery_run (insurer_id, held_until)
  where completed_at is null;
