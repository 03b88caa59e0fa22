package org.docport.hub.insurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.docport.connectors.ConnectorSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators register insurers; each gets its connector route and delivery lane at once, and loses
 * them when removed or paused. Secrets are never echoed back.
 */
@RestController
@RequestMapping("/api/operator/insurers")
@Tag(name = "Operator: insurers")
class InsurerController {

  private final Insurers insurers;
  private final ApplicationEventPublisher events;

  InsurerController(Insurers insurers, ApplicationEventPublisher events) {
    this.insurers = insurers;
    this.events = events;
  }

  @Operation(summary = "Register an insurer and connect it")
  @PostMapping
  ResponseEntity<InsurerRegistration> register(@RequestBody InsurerRegistration registration) {
    InsurerRegistration created = insurers.create(registration);
    events.publishEvent(new InsurerEvent.Registered(created));
    return ResponseEntity.created(URI.create("/api/operator/insurers/" + created.id()))
        .body(masked(created));
  }

  @GetMapping
  List<InsurerRegistration> list() {
    return insurers.all().stream().map(InsurerController::masked).toList();
  }

  @GetMapping("/{id}")
  InsurerRegistration read(@PathVariable String id) {
    return masked(insurers.get(id));
  }

  @Operation(summary = "Disconnect and remove an insurer (its deliveries and dead letters go too)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(@PathVariable String id) {
    insurers.get(id);
    insurers.ensureRemovable(id);
    events.publishEvent(new InsurerEvent.Removed(id));
    insurers.delete(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Change an insurer's endpoint or credentials",
      description =
          "Replaces the connector settings and reconnects at once, keeping consents and queued"
              + " deliveries. A secret sent as '***' keeps the stored one.")
  @PutMapping("/{id}/connector")
  InsurerRegistration reconfigure(
      @PathVariable String id, @RequestBody ConnectorSettings connector) {
    InsurerRegistration updated = insurers.updateConnector(id, connector);
    events.publishEvent(new InsurerEvent.Reconfigured(updated));
    return masked(updated);
  }

  @Operation(
      summary = "Change an insurer's address or its plans' product types",
      description =
          "Fields left out stay as they are; networks are named by id. The insurer's FHIR"
              + " Organization and InsurancePlans get new versions at once, through change capture.")
  @PatchMapping("/{id}")
  InsurerRegistration editProfile(
      @PathVariable String id, @RequestBody InsurerProfile profile, Authentication auth) {
    return masked(insurers.updateProfile(id, profile, auth.getName()));
  }

  @Operation(summary = "Pause delivery to an insurer; changes keep queueing")
  @PostMapping("/{id}/pause")
  InsurerRegistration pause(@PathVariable String id) {
    insurers.setPaused(id, true);
    return masked(insurers.get(id));
  }

  @Operation(summary = "Resume delivery to an insurer")
  @PostMapping("/{id}/resume")
  InsurerRegistration resume(@PathVariable String id) {
    insurers.setPaused(id, false);
    events.publishEvent(new InsurerEvent.Resumed(id));
    return masked(insurers.get(id));
  }

  static InsurerRegistration masked(InsurerRegistration r) {
    return r.withConnector(ConnectorSecrets.masked(r.connector()));
  }
}
