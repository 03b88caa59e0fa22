package org.docport.hub.delivery;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docport.connectors.delivery.DeliveryState;
import org.docport.hub.consent.Consent;
import org.docport.hub.consent.ConsentManagement;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insurers as one doctor sees them: every insurer a doctor may join, the doctor's consent to
 * each, and what each holds of the doctor (the sync health of the pair).
 */
@RestController
@Tag(name = "Consents")
class DoctorInsurersController {

  /**
   * One insurer for one doctor.
   *
   * @param consent the doctor's consent to it; absent if the doctor never opted in
   * @param sync what the insurer holds of the doctor; absent while nothing was ever due to it
   * @param deliveryPaused an operator paused deliveries to the insurer: changes wait until resumed
   */
  record DoctorInsurer(
      @Schema(requiredMode = REQUIRED) String insurerId,
      @Schema(requiredMode = REQUIRED) String name,
      @Schema(requiredMode = REQUIRED) List<InsurerNetwork> networks,
      @Schema(requiredMode = REQUIRED) boolean joinable,
      @Schema(requiredMode = REQUIRED) boolean deliveryPaused,
      Consent consent,
      InsurerSync sync) {}

  /** A provider network of the insurer. */
  record InsurerNetwork(
      @Schema(requiredMode = REQUIRED) String id, @Schema(requiredMode = REQUIRED) String name) {}

  /**
   * What the insurer holds of the doctor.
   *
   * @param wantedVersion the version of the doctor's record due at the insurer
   * @param deliveredVersion the version the insurer confirmed holding, if any
   * @param state PENDING (on its way or retrying), DELIVERED (the insurer is current), DEAD (the
   *     insurer refused it; DocPort's operators were alerted) or SKIPPED (nothing is due)
   * @param attempts failed attempts at the wanted version
   * @param lastError the insurer's last refusal or failure, if the wanted version is not delivered
   */
  record InsurerSync(
      @Schema(requiredMode = REQUIRED) long wantedVersion,
      Long deliveredVersion,
      OffsetDateTime deliveredAt,
      @Schema(requiredMode = REQUIRED) DeliveryState state,
      @Schema(requiredMode = REQUIRED) int attempts,
      String lastError) {}

  private final Insurers insurers;
  private final ConsentManagement consents;
  private final DeliveryReports reports;
  private final Doctors doctors;
  private final DoctorAccess access;

  DoctorInsurersController(
      Insurers insurers,
      ConsentManagement consents,
      DeliveryReports reports,
      Doctors doctors,
      DoctorAccess access) {
    this.insurers = insurers;
    this.consents = consents;
    this.reports = reports;
    this.doctors = doctors;
    this.access = access;
  }

  @Operation(
      summary = "The insurers a doctor may join, with the doctor's consent and sync health at each",
      description =
          "Every insurer connected to DocPort (joinable), and any other the doctor has a consent"
              + " with, by name.")
  @GetMapping("/api/doctors/{doctorId}/insurers")
  List<DoctorInsurer> list(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    doctors.currentVersion(doctorId).orElseThrow(() -> Doctors.notFound(doctorId));
    Map<String, Consent> consentByInsurer =
        consents.find(doctorId).stream()
            .collect(Collectors.toMap(Consent::insurerId, Function.identity()));
    return insurers.listings().stream()
        .filter(i -> i.isLive() || consentByInsurer.containsKey(i.id()))
        .map(i -> view(i, consentByInsurer.get(i.id()), doctorId))
        .sorted(Comparator.comparing(DoctorInsurer::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  private DoctorInsurer view(Insurers.Listing insurer, Consent consent, UUID doctorId) {
    InsurerSync sync =
        reports
            .receipt(insurer.id(), doctorId)
            .map(
                r ->
                    new InsurerSync(
                        r.wantedVersion(),
                        r.deliveredVersion(),
                        r.deliveredAt(),
                        r.state(),
                        r.attempts(),
                        r.lastError()))
            .orElse(null);
    List<InsurerNetwork> networks =
        insurer.networks().stream().map(n -> new InsurerNetwork(n.id(), n.name())).toList();
    return new DoctorInsurer(
        insurer.id(), insurer.name(), networks, insurer.isLive(), insurer.paused(), consent, sync);
  }
}
