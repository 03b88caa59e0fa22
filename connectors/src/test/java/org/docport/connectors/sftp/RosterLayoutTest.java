package org.docport.connectors.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.docport.connectors.ConnectorSettings.Sftp.RosterColumn;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.junit.jupiter.api.Test;

/** docport-roster/v1 against its golden file: the fixture's rows, byte for byte. */
class RosterLayoutTest {

  @Test
  void aDoctorsRowsAndAWithdrawalMatchTheGoldenFile() throws IOException {
    DoctorSnapshot doctor =
        new ObjectMapper()
            .findAndRegisterModules()
            .readValue(resource("roster-doctor.json"), DoctorSnapshot.class);
    RosterLayout layout = RosterLayout.v1();

    StringWriter csv = new StringWriter();
    RosterCsv.write(csv, layout.headers());
    for (List<String> row : layout.rows(doctor)) {
      RosterCsv.write(csv, row);
    }
    RosterCsv.write(csv, layout.withdrawn(doctor.id(), 13));

    assertThat(csv.toString())
        .isEqualTo(new String(resource("roster-doctor.csv"), StandardCharsets.UTF_8));
  }

  @Test
  void aDoctorWithoutPracticeLocationsHasOneRowWithTheLocationColumnsEmpty() throws IOException {
    DoctorSnapshot doctor =
        new ObjectMapper()
            .readValue(
                "{\"id\": \"" + UUID.randomUUID() + "\", \"version\": 3}", DoctorSnapshot.class);

    assertThat(RosterLayout.v1().rows(doctor))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.subList(0, 3))
                  .containsExactly(doctor.id().toString(), "3", RosterLayout.ACTIVE);
              assertThat(row.subList(3, row.size())).allMatch(String::isEmpty);
            });
  }

  @Test
  void anInsurersColumnsNameWhatIsWrongWithThem() {
    assertThat(
            RosterLayout.problems(
                List.of(
                    new RosterColumn("ID", "doctor_id"),
                    new RosterColumn("ID", "version"),
                    new RosterColumn(" ", "npi"),
                    new RosterColumn("Taxonomy", "taxonomy"))))
        .containsExactly(
            "sftp.columns[1].header: 'ID' is used twice",
            "sftp.columns[2].header: required",
            "sftp.columns[3].field: must be one of " + String.join(", ", RosterLayout.V1_FIELDS),
            "sftp.columns: must include the fields doctor_id, version, status, without which a"
                + " reader cannot apply a row");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RosterLayoutTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
