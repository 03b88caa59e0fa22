-- A slot search by specialty finds its doctors by their profile's specialties: containment over
-- the specialties array (each a {system, code, display} object), by this index.
create index doctor_specialties on doctor using gin ((profile -> 'specialties') jsonb_path_ops);
