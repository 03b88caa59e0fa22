package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.DeliveryJob;
import org.docport.hub.HubTest;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator edits a registered insurer (its address, its network's product type) and the
 * insurer's own FHIR server follows: its Organization and InsurancePlan arrive as one new version
 * each, once for the insurer rather than once per doctor, and no other insurer hears of it.
 */
class InsurerEditDeliveryTest extends HubTest {

  private static final Map<String, Object> PUNE =
      Map.of("lines", List.of("1 MG Road"), "city", "Pune", "country", "IN");

  @Autowired JdbcTemplate jdbc;

  @Test
  void anEditedInsurerReceivesItsNewOrganizationAndPlanOnceAndNoOtherInsurerAnything() {
    Insurer edited = insurer();
    Insurer other = insurer();
    List<String> doctors = List.of(createDoctor("Kapoor"), createDoctor("Bose"));
    for (String doctor : doctors) {
      consent(doctor, edited, "ACTIVE");
      consent(doctor, other, "ACTIVE");
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> delivered(edited, doctors) && delivered(other, doctors));
    assertThat(insurerOrganization(edited)).isEmpty(); // registered without an address
    long planVersion = plan(edited).orElseThrow().getMeta().getVersionIdElement().getIdPartAsLong();
    int editedWrites = edited.server().writeCount();
    int otherWrites = other.server().writeCount();

    operator()
        .patch(
            "/api/operator/insurers/" + edited.id(),
            Map.of(
                "address", PUNE, "networks", List.of(Map.of("id", "gold", "productType", "qhp"))),
            null)
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                plan(edited)
                    .map(p -> p.getTypeFirstRep().getCodingFirstRep().getCode())
                    .orElse("")
                    .equals("qhp"));
    await().atMost(Duration.ofSeconds(15)).until(() -> insurersOwnDelivered(edited));
    assertThat(insurerOrganization(edited).orElseThrow().getAddressFirstRep().getCity())
        .isEqualTo("Pune");
    InsurancePlan plan = plan(edited).orElseThrow();
    assertThat(plan.getMeta().getVersionIdElement().getIdPartAsLong()).isEqualTo(planVersion + 1);
    List<WriteLogEntry> writes = writesSince(edited.server(), editedWrites);
    assertThat(writes)
        .as("one write per changed resource of the insurer, none of its doctors'")
        .extracting(WriteLogEntry::resourceType)
        .containsExactlyInAnyOrder("Organization", "Organization", "InsurancePlan");
    assertThat(writes)
        .extracting(WriteLogEntry::identifier)
        .containsExactlyInAnyOrder(
            BusinessIdentifiers.INSURER + "|" + edited.id(),
            BusinessIdentifiers.NETWORK + "|" + edited.id() + "/gold",
            BusinessIdentifiers.INSURANCE_PLAN + "|" + edited.id() + "/gold");
    assertThat(other.server().writeCount()).isEqualTo(otherWrites);

    int beforeMove = edited.server().writeCount();
    operator()
        .patch(
            "/api/operator/insurers/" + edited.id(),
            Map.of("address", Map.of("city", "Mumbai", "country", "IN")),
            null)
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                insurerOrganization(edited)
                    .map(o -> o.getAddressFirstRep().getCity().equals("Mumbai"))
                    .orElse(false));
    await().atMost(Duration.ofSeconds(15)).until(() -> insurersOwnDelivered(edited));
    // Only the Organization's content changed: the plan and network are not written again.
    assertThat(writesSince(edited.server(), beforeMove))
        .extracting(WriteLogEntry::identifier)
        .containsExactly(BusinessIdentifiers.INSURER + "|" + edited.id());
    assertThat(other.server().writeCount()).isEqualTo(otherWrites);
  }

  @Test
  void anEditWritesOneOutboxRowHoweverManyDoctorsTheInsurerSees() {
    Insurer insurer = insurer();
    for (String family : List.of("Iyer", "Nair", "Das")) {
      consent(createDoctor(family), insurer, "ACTIVE");
    }

    operator()
        .patch("/api/operator/insurers/" + insurer.id(), Map.of("address", PUNE), null)
        .expect(200);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from registry_event where kind = 'INSURER_CHANGED'"
                    + " and insurer_id = ?",
                Integer.class,
                insurer.id()))
        .isOne();
  }

  @Test
  void anInsurerThatSeesNoDoctorGetsNothingOfAnEdit() {
    Insurer lonely = insurer();

    operator()
        .patch("/api/operator/insurers/" + lonely.id(), Map.of("address", PUNE), null)
        .expect(200);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from registry_event where insurer_id = ?",
                Integer.class,
                lonely.id()))
        .isZero();
    assertThat(lonely.server().writeCount()).isZero();
  }

  private boolean delivered(Insurer insurer, List<String> doctors) {
    return doctors.stream().allMatch(d -> "DELIVERED".equals(state(insurer, d)));
  }

  /** The receipt of the insurer's own resources, which are delivered as a pair of their own. */
  private boolean insurersOwnDelivered(Insurer insurer) {
    return "DELIVERED".equals(state(insurer, DeliveryJob.INSURERS_OWN.toString()));
  }

  private String state(Insurer insurer, String subject) {
    var response =
        operator().get("/api/operator/insurers/" + insurer.id() + "/receipts/" + subject);
    return response.status() == 200 ? response.body().path("state").asText() : "";
  }

  private static Optional<Organization> insurerOrganization(Insurer insurer) {
    return insurer
        .server()
        .findByIdentifier(Organization.class, BusinessIdentifiers.INSURER, insurer.id());
  }

  private static Optional<InsurancePlan> plan(Insurer insurer) {
    return insurer
        .server()
        .findByIdentifier(
            InsurancePlan.class, BusinessIdentifiers.INSURANCE_PLAN, insurer.id() + "/gold");
  }

  private static List<WriteLogEntry> writesSince(InsurerServer server, int count) {
    List<WriteLogEntry> log = server.writeLog();
    return log.subList(count, log.size());
  }
}
