-- Each claim of a (insurer, doctor) pair carries a fresh token; outcomes are recorded only while
-- the token still holds the pair, so a worker that lost its lease cannot overwrite the outcome of
-- the one that took the pair over.
alter table delivery add column lease_token uuid;
