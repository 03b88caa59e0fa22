package org.docport.hub.insurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators upload, read and remove an insurer's code maps (FHIR ConceptMaps). */
@RestController
@RequestMapping("/api/operator/insurers/{insurerId}/code-maps")
@Tag(name = "Operator: insurers")
class InsurerCodeMapController {

  private static final String FHIR_JSON = "application/fhir+json";

  private final InsurerCodeMaps codeMaps;

  InsurerCodeMapController(InsurerCodeMaps codeMaps) {
    this.codeMaps = codeMaps;
  }

  @Operation(
      summary = "Upload an insurer's code map",
      description =
          "A FHIR R4 ConceptMap from the registry's codes (e.g. NUCC or NMC specialties) to the"
              + " insurer's own, applied to every doctor sent to it; every doctor it holds is sent"
              + " again with the new codes. A code the map's source system covers without a"
              + " mapping is published as the registry holds it and listed under the insurer's"
              + " unmapped codes. Replaces a map of the same id.")
  @PutMapping(
      value = "/{mapId}",
      consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Void> put(
      @PathVariable String insurerId, @PathVariable String mapId, @RequestBody String conceptMap) {
    boolean created = codeMaps.put(insurerId, mapId, conceptMap);
    URI location = URI.create("/api/operator/insurers/" + insurerId + "/code-maps/" + mapId);
    return created
        ? ResponseEntity.created(location).build()
        : ResponseEntity.noContent().location(location).build();
  }

  @Operation(summary = "List an insurer's code maps")
  @GetMapping
  List<InsurerCodeMaps.CodeMapSummary> list(@PathVariable String insurerId) {
    return codeMaps.list(insurerId);
  }

  @Operation(summary = "Read an insurer's code map as uploaded")
  @GetMapping(value = "/{mapId}", produces = FHIR_JSON)
  String read(@PathVariable String insurerId, @PathVariable String mapId) {
    return codeMaps.read(insurerId, mapId).orElseThrow(() -> notFound(insurerId, mapId));
  }

  @Operation(summary = "Remove an insurer's code map")
  @DeleteMapping("/{mapId}")
  ResponseEntity<Void> delete(@PathVariable String insurerId, @PathVariable String mapId) {
    if (!codeMaps.delete(insurerId, mapId)) {
      throw notFound(insurerId, mapId);
    }
    return ResponseEntity.noContent().build();
  }

  private static ApiException notFound(String insurerId, String mapId) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "No such code map",
        "Insurer " + insurerId + " has no code map " + mapId + ".");
  }
}
