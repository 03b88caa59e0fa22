-- Subscription.end: when DocPort turns the subscription off (status 'off', nothing more recorded
-- or sent); null for one that runs until deleted. Written by SubscriptionStore alone.
alter table subscription add column end_at timestamptz;
