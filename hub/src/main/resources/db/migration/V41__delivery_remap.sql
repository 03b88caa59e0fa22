-- Set when the insurer's mapping (profile or code maps) changed while an attempt held the pair:
-- that attempt mapped the doctor the old way, so its receipt leaves the pair due again. Cleared
-- by every claim (the attempt that claims maps with the mapping of that moment).
alter table delivery add column remap boolean not null default false;
