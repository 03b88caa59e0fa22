package org.docport.hub.registry;

import java.util.UUID;

/**
 * A doctor's record was created or changed (published in the registry transaction; listen after
 * commit).
 *
 * @param created the record is new
 * @param onboarding the doctor is going through onboarding (signed up, not yet active)
 */
public record DoctorChanged(UUID doctorId, boolean created, boolean onboarding) {}
