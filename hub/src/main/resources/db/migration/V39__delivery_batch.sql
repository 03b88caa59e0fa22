-- The numbers of the batches (roster files) of the connector kinds that send an insurer's changes
-- together: one more for every batch, so the insurer applies them in order. Written by
-- DeliveryStore only.
create table delivery_batch (
  insurer_id  text   primary key references insurer (id) on delete cascade,
  last_number bigint not null
);
