-- An edit of an insurer is one registry event for the insurer, not one per doctor it sees.

-- The version of what an insurer publishes about itself (address, product types): bumped by each
-- edit, it orders the deliveries of the insurer's own resources as a doctor's version orders a
-- doctor's, and tells a cached copy of the insurer from the current one.
alter table insurer add column version bigint not null default 1;

-- Insurers whose own resources (Organization, networks, InsurancePlans) the directory projection
-- is to write again, queued in the transaction that plans the edit's deliveries.
create table directory_insurer_pending (
  insurer_id  text        primary key references insurer (id) on delete cascade,
  enqueued_at timestamptz not null default clock_timestamp()
);

-- The deliveries in flight, which an insurer's own pair waits for (see DeliveryStore.claim).
create index delivery_leased on delivery (insurer_id) where lease_until is not null;
