package org.docport.hub.insurer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.docport.hub.web.ApiException;
import org.docport.mappings.MappingProfiles;
import org.docport.mappings.codes.CodeMap;
import org.hl7.fhir.r4.model.ConceptMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The code maps operators upload for an insurer: FHIR ConceptMaps from the registry's codes (NUCC,
 * NMC specialties...) to the insurer's own, applied by the insurer's mapping profile to every
 * doctor it is sent. A change is a new version of the insurer ({@link Insurers#mappingChanged}), so
 * every doctor it holds is delivered again with the new codes.
 */
@Component
public class InsurerCodeMaps {

  /**
   * A stored code map at a glance.
   *
   * @param sources the code systems it maps from
   * @param targets the code systems it maps to
   * @param codes how many source codes it lists
   */
  public record CodeMapSummary(
      String id, List<String> sources, List<String> targets, int codes, OffsetDateTime updatedAt) {}

  private final JdbcTemplate jdbc;
  private final FhirContext fhir;
  private final Insurers insurers;

  InsurerCodeMaps(JdbcTemplate jdbc, FhirContext fhir, Insurers insurers) {
    this.jdbc = jdbc;
    this.fhir = fhir;
    this.insurers = insurers;
  }

  /**
   * Stores a code map under {@code mapId}, replacing one of that id, after checking it can be the
   * insurer's under its mapping profile.
   *
   * @return whether it is new
   * @throws ApiException 400 naming what to fix: not a ConceptMap, or one the profile cannot use
   */
  @Transactional
  public boolean put(String insurerId, String mapId, String body) {
    InsurerRegistration insurer = insurers.get(insurerId);
    if (mapId == null || !mapId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw ApiException.invalidField(
          "Invalid code map id", "id", "lower-case letters, digits and dashes, at most 64");
    }
    ConceptMap map = parse(body);
    List<CodeMap.Problem> problems =
        MappingProfiles.codeMapProblems(insurer.connector().profileOrDefault(), map);
    if (!problems.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid code map",
          "The ConceptMap cannot be "
              + insurerId
              + "'s code map under its "
              + insurer.connector().profileOrDefault()
              + " profile: fix each field listed.",
          problems.stream().map(p -> new ApiException.FieldError(p.field(), p.message())).toList());
    }
    Boolean created =
        jdbc.queryForObject(
            """
            insert into insurer_code_map (insurer_id, id, concept_map) values (?, ?, ?::jsonb)
            on conflict (insurer_id, id)
              do update set concept_map = excluded.concept_map, updated_at = now()
            returning (xmax = 0)
            """,
            Boolean.class,
            insurerId,
            mapId,
            fhir.newJsonParser().encodeResourceToString(map));
    insurers.mappingChanged(insurerId);
    return Boolean.TRUE.equals(created);
  }

  /** Removes a code map; false when the insurer has none of that id. */
  @Transactional
  public boolean delete(String insurerId, String mapId) {
    insurers.get(insurerId);
    boolean removed =
        jdbc.update(
                "delete from insurer_code_map where insurer_id = ? and id = ?", insurerId, mapId)
            > 0;
    if (removed) {
      insurers.mappingChanged(insurerId);
    }
    return removed;
  }

  public List<CodeMapSummary> list(String insurerId) {
    insurers.get(insurerId);
    return jdbc.query(
        "select id, concept_map::text, updated_at from insurer_code_map where insurer_id = ?"
            + " order by id",
        (rs, n) -> {
          ConceptMap map = fhir.newJsonParser().parseResource(ConceptMap.class, rs.getString(2));
          return new CodeMapSummary(
              rs.getString(1),
              map.getGroup().stream()
                  .map(ConceptMap.ConceptMapGroupComponent::getSource)
                  .distinct()
                  .toList(),
              map.getGroup().stream()
                  .map(ConceptMap.ConceptMapGroupComponent::getTarget)
                  .distinct()
                  .toList(),
              map.getGroup().stream().mapToInt(g -> g.getElement().size()).sum(),
              rs.getObject(3, OffsetDateTime.class));
        },
        insurerId);
  }

  /** The code map as uploaded (FHIR JSON), if the insurer has one of that id. */
  public Optional<String> read(String insurerId, String mapId) {
    return jdbc
        .queryForList(
            "select concept_map::text from insurer_code_map where insurer_id = ? and id = ?",
            String.class,
            insurerId,
            mapId)
        .stream()
        .findFirst();
  }

  /** All of the insurer's code maps as one; {@link CodeMap#NONE} when it has none. */
  CodeMap codeMap(String insurerId) {
    List<ConceptMap> maps =
        jdbc
            .queryForList(
                "select concept_map::text from insurer_code_map where insurer_id = ? order by id",
                String.class,
                insurerId)
            .stream()
            .map(json -> fhir.newJsonParser().parseResource(ConceptMap.class, json))
            .toList();
    return maps.isEmpty() ? CodeMap.NONE : CodeMap.of(maps);
  }

  private ConceptMap parse(String body) {
    try {
      return fhir.newJsonParser().parseResource(ConceptMap.class, body);
    } catch (DataFormatException | ClassCastException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Not a ConceptMap",
          "The body must be a FHIR R4 ConceptMap in JSON: " + e.getMessage());
    }
  }
}
