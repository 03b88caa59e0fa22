-- What the Plan-Net InsurancePlan and the insurer's own Organization need of an insurer.
-- The insurer's postal address (a JSON address as the doctor API writes one: lines, city,
-- district, state, postalCode, country); plannet-Organization requires an address, so the
-- insurer's Organization is published only once it is known.
alter table insurer add column address jsonb;

-- The insurance product each network is sold as: a Plan-Net InsuranceProductTypeCS code
-- (InsurancePlan.type). Checked by the registration API against the codes Plan-Net lists.
alter table insurer_network add column product_type text not null default 'commppo';

-- Every doctor is projected again, so insurers' views gain InsurancePlans,
-- OrganizationAffiliations, HealthcareServices and the insurer's Organization at once.
insert into directory_pending (doctor_id) select id from doctor on conflict do nothing;
