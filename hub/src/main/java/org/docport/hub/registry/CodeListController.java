package org.docport.hub.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.docport.mappings.PlanNetSpecialties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code lists a profile's fields take their values from, for the web app's pickers: the same
 * lists the registry validates against, so a picked value is never refused.
 */
@RestController
@Tag(name = "Doctors")
class CodeListController {

  /** One specialty a doctor may list (a NUCC provider taxonomy code). */
  record SpecialtyCode(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String system,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String display) {}

  private static final List<SpecialtyCode> SPECIALTIES =
      PlanNetSpecialties.all().stream()
          .map(c -> new SpecialtyCode(c.system(), c.code(), c.display()))
          .toList();

  @Operation(
      summary =
          "The specialties a doctor may list: Plan-Net's NUCC provider taxonomy value set, with"
              + " displays")
  @GetMapping("/api/code-lists/specialties")
  ResponseEntity<List<SpecialtyCode>> specialties() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
        .body(SPECIALTIES);
  }
}
