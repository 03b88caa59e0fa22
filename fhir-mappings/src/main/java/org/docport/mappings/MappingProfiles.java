package org.docport.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * The connectors' one way into the mappings: a doctor, or an insurer's own resources, under the
 * insurer's {@link MappingProfile}, with the insurer's {@link CodeMap} applied to the doctor's
 * specialties.
 *
 * <p>Pure, like every mapping here. Codes the code map should have translated and could not are
 * returned with the result ({@link MappedDoctor#unmapped}), never dropped: they are published as
 * the registry holds them and the connector reports them to the operator. An inactive doctor maps
 * to nothing to publish (FHIR) or a withdrawal (JSON), and reports nothing.
 */
public final class MappingProfiles {

  private static final String SPECIALTIES = "specialties";

  private MappingProfiles() {}

  /**
   * @param codeMap the insurer's code map, or {@link CodeMap#NONE}
   * @throws IllegalArgumentException as the profile's mapper does: a missing id, or a snapshot the
   *     profile cannot publish ({@link #problems} says why)
   */
  public static MappedDoctor doctor(
      MappingProfile profile, DoctorSnapshot doctor, InsurerContext insurer, CodeMap codeMap) {
    Objects.requireNonNull(profile, "profile");
    return profile.isFhir()
        ? fhir(profile, doctor, insurer, codeMap)
        : json(doctor, insurer, codeMap);
  }

  /**
   * A doctor under {@code plan-net} or {@code ndhm}.
   *
   * @throws IllegalArgumentException for {@code docport-json}, which publishes no FHIR, and as
   *     {@link #doctor} does
   */
  public static MappedDoctor.Fhir fhir(
      MappingProfile profile, DoctorSnapshot doctor, InsurerContext insurer, CodeMap codeMap) {
    Translation specialties = translate(doctor, codeMap);
    switch (Objects.requireNonNull(profile, "profile")) {
      case PLAN_NET:
        return new MappedDoctor.Fhir(
            profile,
            PlanNetMapper.map(doctor, insurer, specialties),
            reported(doctor, specialties));
      case NDHM:
        return new MappedDoctor.Fhir(
            profile, NdhmMapper.map(doctor, insurer, specialties), reported(doctor, specialties));
      default:
        throw new IllegalArgumentException(profile + " publishes no FHIR resources");
    }
  }

  /** A doctor under {@code docport-json}. */
  public static MappedDoctor.Json json(
      DoctorSnapshot doctor, InsurerContext insurer, CodeMap codeMap) {
    Translation specialties = translate(doctor, codeMap);
    return new MappedDoctor.Json(
        MappingProfile.DOCPORT_JSON,
        DocportJsonMapper.message(doctor, insurer, specialties),
        reported(doctor, specialties));
  }

  /**
   * The insurer's own FHIR resources under its profile, published on their own when only the
   * insurer changed ({@link PlanNetMapper#insurer}, {@link NdhmMapper#insurer}); none for {@code
   * docport-json}, whose documents name the insurer and its networks in every doctor.
   */
  public static PublishedResources insurer(MappingProfile profile, InsurerContext insurer) {
    switch (Objects.requireNonNull(profile, "profile")) {
      case PLAN_NET:
        return PlanNetMapper.insurer(insurer);
      case NDHM:
        return NdhmMapper.insurer(insurer);
      default:
        return new PublishedResources(List.of());
    }
  }

  /**
   * What keeps a doctor's snapshot from being published under a profile, in words the doctor can
   * act on; empty when it can be. {@code docport-json} publishes whatever the registry holds.
   */
  public static List<Publishability.Problem> problems(
      MappingProfile profile, DoctorSnapshot doctor) {
    switch (Objects.requireNonNull(profile, "profile")) {
      case PLAN_NET:
        return Publishability.problems(doctor);
      case NDHM:
        return NdhmPublishability.problems(doctor);
      default:
        return List.of();
    }
  }

  /**
   * What keeps a ConceptMap from being an insurer's code map under its profile, for the API to
   * answer 400 with: {@link CodeMap#problems}, and under {@code plan-net} any target that is not a
   * NUCC code Plan-Net lists, since Plan-Net can publish no other specialty. Empty when usable.
   */
  public static List<CodeMap.Problem> codeMapProblems(
      MappingProfile profile, ConceptMap conceptMap) {
    List<CodeMap.Problem> problems = new ArrayList<>(CodeMap.problems(conceptMap));
    if (problems.isEmpty()
        && Objects.requireNonNull(profile, "profile") == MappingProfile.PLAN_NET) {
      problems.addAll(PlanNetSpecialties.codeMapProblems(conceptMap));
    }
    return List.copyOf(problems);
  }

  private static Translation translate(DoctorSnapshot doctor, CodeMap codeMap) {
    CodeMap map = codeMap == null ? CodeMap.NONE : codeMap;
    return map.translate(
        Objects.requireNonNull(doctor, "doctor").normalized().specialties(), SPECIALTIES);
  }

  /** Only what is published is reported: an inactive doctor publishes no specialty. */
  private static List<org.docport.mappings.codes.UnmappedCode> reported(
      DoctorSnapshot doctor, Translation specialties) {
    return doctor.normalized().active() ? specialties.unmapped() : List.of();
  }
}
