-- The consent saga: a consent moves through enrolment at the insurer (its full profile is
-- delivered while the insurer decides) to ACTIVE, or ends REJECTED, FAILED or REVOKED with a
-- reason the doctor can read. Delivery flows while a consent is ENROLLING or ACTIVE.
alter table consent drop constraint consent_status_check;
alter table consent add constraint consent_status_check check (status in
  ('REQUESTED', 'ENROLLING', 'ACTIVE', 'WITHDRAWING', 'REJECTED', 'FAILED', 'REVOKED'));
alter table consent add column reason text;
alter table consent add column ended_at timestamptz;

drop index consent_active_by_doctor;
create index consent_deliverable_by_doctor on consent (doctor_id)
  where status in ('ENROLLING', 'ACTIVE');
create index consent_in_flight on consent (status)
  where status in ('REQUESTED', 'ENROLLING', 'WITHDRAWING');

-- How an insurer decides on enrolments: every doctor accepted at once, or one by one within a
-- time limit (default 14 days).
alter table insurer add column auto_accept boolean not null default false;
alter table insurer add column decision_timeout_seconds bigint not null default 1209600
  check (decision_timeout_seconds between 60 and 31536000);
