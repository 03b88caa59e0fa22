package org.docport.mappings;

import java.util.List;
import org.docport.mappings.codes.UnmappedCode;
import org.docport.mappings.document.DoctorMessage;

/**
 * One doctor mapped for one insurer under its profile ({@link MappingProfiles#doctor}): what to
 * publish, and the codes the insurer's code map should have translated and did not, for the
 * connector to report to the operator (they are published as the registry holds them).
 */
public sealed interface MappedDoctor permits MappedDoctor.Fhir, MappedDoctor.Json {

  /** The profile it was mapped under. */
  MappingProfile profile();

  /** Codes the insurer's code map covers and has no mapping for; empty when all were mapped. */
  List<UnmappedCode> unmapped();

  /**
   * FHIR resources to write, in order (empty for an inactive doctor: withdraw what the insurer
   * holds), under {@code plan-net} or {@code ndhm}.
   */
  record Fhir(MappingProfile profile, PublishedResources resources, List<UnmappedCode> unmapped)
      implements MappedDoctor {

    public Fhir {
      unmapped = List.copyOf(unmapped);
    }
  }

  /**
   * The {@code docport-json} message: a {@link org.docport.mappings.document.DoctorDocument}, or a
   * {@link org.docport.mappings.document.DoctorWithdrawal} for an inactive doctor.
   */
  record Json(MappingProfile profile, DoctorMessage message, List<UnmappedCode> unmapped)
      implements MappedDoctor {

    public Json {
      unmapped = List.copyOf(unmapped);
    }
  }
}
