package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.docport.hub.HubTest;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;

/** The insurers screen's data: every insurer a doctor may join, the consent and the sync health. */
class DoctorInsurersTest extends HubTest {

  private static final String PASSWORD = "a long passphrase for insurers";

  @Test
  void aDoctorSeesEveryInsurerWithTheirConsentAndWhatEachHolds() {
    Insurer joined = insurer(Map.of("autoAccept", true));
    Insurer other = insurer();
    // Operators create doctors active (a doctor's own profile would go through onboarding first).
    HubClient doctorAccount = operator();
    String doctor = createDoctor("Iyer");
    doctorAccount.post("/api/doctors/" + doctor + "/consents/" + joined.id(), Map.of()).expect(202);
    await().until(() -> "DELIVERED".equals(syncState(doctorAccount, doctor, joined)));

    JsonNode mine = entry(doctorAccount, doctor, joined);
    JsonNode notJoined = entry(doctorAccount, doctor, other);

    await()
        .until(
            () ->
                entry(doctorAccount, doctor, joined)
                    .at("/consent/status")
                    .asText()
                    .equals("ACTIVE"));
    assertThat(mine.get("joinable").asBoolean()).isTrue();
    assertThat(mine.get("networks")).isNotEmpty();
    assertThat(mine.at("/sync/deliveredVersion").asLong())
        .isEqualTo(mine.at("/sync/wantedVersion").asLong());
    assertThat(mine.at("/sync/deliveredAt").asText()).isNotBlank();
    assertThat(notJoined.has("consent")).isFalse();
    assertThat(notJoined.has("sync")).isFalse();
    assertThat(notJoined.get("joinable").asBoolean()).isTrue();
  }

  @Test
  void aPausedInsurerShowsItsDeliveriesWaiting() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Paused");
    operator().post("/api/operator/insurers/" + insurer.id() + "/pause", Map.of()).expect(200);

    JsonNode entry = entry(operator(), doctor, insurer);

    assertThat(entry.get("deliveryPaused").asBoolean()).isTrue();
    operator().post("/api/operator/insurers/" + insurer.id() + "/resume", Map.of()).expect(200);
  }

  @Test
  void anotherDoctorCannotSeeThem() {
    String doctor = createDoctor("Hidden");
    assertThat(account("nosy-insurers").get("/api/doctors/" + doctor + "/insurers").status())
        .isEqualTo(403);
  }

  private HubClient account(String username) {
    operator()
        .post("/api/accounts", Map.of("username", username, "password", PASSWORD))
        .expect(201);
    return as(username, PASSWORD);
  }

  private static String syncState(HubClient client, String doctor, Insurer insurer) {
    return entry(client, doctor, insurer).at("/sync/state").asText();
  }

  private static JsonNode entry(HubClient client, String doctor, Insurer insurer) {
    JsonNode all = client.get("/api/doctors/" + doctor + "/insurers").expect(200).body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(i -> i.get("insurerId").asText().equals(insurer.id()))
        .findFirst()
        .orElseThrow();
  }
}
