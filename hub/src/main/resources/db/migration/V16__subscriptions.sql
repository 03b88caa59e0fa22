-- FHIR Subscriptions (R4 Subscriptions Backport, rest-hook) of insurers on their directory view.
-- One row per subscription, with the whole notification state (next event to send, retries), so
-- a restarted hub carries on where it stopped. Written by SubscriptionStore alone.
create table subscription (
  id                 text        primary key,
  insurer_id         text        not null,
  client_id          text        not null,
  topic              text        not null,
  filter             text,
  reason             text        not null,
  status             text        not null
                     check (status in ('requested', 'active', 'error', 'off')),
  endpoint           text        not null,
  content            text        not null check (content in ('empty', 'id-only', 'full-resource')),
  headers            text[]      not null default '{}',
  -- sealed with the hub's secrets key (platform.Secrets), never echoed back
  secret             text        not null,
  heartbeat_seconds  int,
  -- the FHIR base the subscriber used, for the references in notifications
  server_base        text        not null,
  -- the number of the last event recorded (Backport: eventsSinceSubscriptionStart)
  events_since_start bigint      not null default 0,
  -- the number of the last event the endpoint acknowledged
  delivered_through  bigint      not null default 0,
  last_sent_at       timestamptz,
  -- retry state of the current streak of failures (null/0 when the last attempt succeeded)
  failing_since      timestamptz,
  attempts           int         not null default 0,
  next_attempt_at    timestamptz,
  -- which hub replica is sending now, until when
  lease_token        uuid,
  lease_until        timestamptz,
  error              text,
  created_at         timestamptz not null default clock_timestamp(),
  updated_at         timestamptz not null default clock_timestamp()
);
create index subscription_insurer on subscription (insurer_id, topic) where status in ('requested', 'active');

-- The events recorded for each subscription, numbered from 1, kept for $events.
create table subscription_event (
  subscription_id text        not null references subscription (id) on delete cascade,
  event_number    bigint      not null,
  resource_type   text        not null,
  resource_id     text        not null,
  version         bigint      not null,
  deleted         boolean     not null,
  at              timestamptz not null,
  delivered       boolean     not null default false,
  primary key (subscription_id, event_number)
);
create index subscription_event_resource on subscription_event (subscription_id, resource_type, resource_id);
