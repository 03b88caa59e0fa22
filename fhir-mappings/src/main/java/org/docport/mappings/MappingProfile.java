package org.docport.mappings;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a doctor is published to an insurer: the insurer's mapping profile, chosen when the insurer
 * is registered. Each is a pure function of the doctor's snapshot, the insurer and the insurer's
 * code map ({@link MappingProfiles}).
 */
public enum MappingProfile {

  /** US: HL7 Da Vinci PDex Plan-Net 1.2.0 FHIR resources ({@link PlanNetMapper}). */
  PLAN_NET("plan-net", true),

  /** India: NRCeS FHIR Implementation Guide for ABDM 6.5.0 resources ({@link NdhmMapper}). */
  NDHM("ndhm", true),

  /**
   * Insurers without FHIR: DocPort's own versioned JSON document ({@link
   * org.docport.mappings.document.DoctorDocument}) and CSV roster row ({@link
   * org.docport.mappings.document.RosterRow}).
   */
  DOCPORT_JSON("docport-json", false);

  private final String id;
  private final boolean fhir;

  MappingProfile(String id, boolean fhir) {
    this.id = id;
    this.fhir = fhir;
  }

  /** The profile's name as stored with the insurer and shown in the API: {@code plan-net}... */
  public String id() {
    return id;
  }

  /** True when the profile publishes FHIR resources, false for a document. */
  public boolean isFhir() {
    return fhir;
  }

  /**
   * @throws IllegalArgumentException for a name that is not a profile's, listing the profiles
   */
  public static MappingProfile of(String id) {
    String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no mapping profile "
                        + id
                        + "; the profiles are "
                        + Arrays.stream(values()).map(MappingProfile::id).toList()));
  }

  @Override
  public String toString() {
    return id;
  }
}
