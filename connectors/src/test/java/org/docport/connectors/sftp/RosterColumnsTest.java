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
import org.docport.mappings.MappingProfiles;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.document.RosterRow;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.junit.jupiter.api.Test;

/**
 * docport-roster/v1 as the connector writes it, against its golden file: the fixture mapped as the
 * insurer's document, its rows in CSV, byte for byte; and an insurer's own columns.
 */
class RosterColumnsTest {

  private static final InsurerContext INSURER =
      new InsurerContext("acme", "Acme Health", null, List.of());

  @Test
  void aDoctorsRowsAndAWithdrawalMatchTheGoldenFile() throws IOException {
    DoctorSnapshot doctor = fixture();
    RosterColumns columns = RosterColumns.v1();

    StringWriter csv = new StringWriter();
    RosterCsv.write(csv, columns.headers());
    for (RosterRow row :
        RosterRow.of(MappingProfiles.json(doctor, INSURER, CodeMap.NONE).message())) {
      RosterCsv.write(csv, columns.cells(row));
    }
    RosterCsv.write(csv, columns.cells(RosterRow.withdrawn(doctor.id(), 13)));

    assertThat(csv.toString())
        .isEqualTo(new String(resource("roster-doctor.csv"), StandardCharsets.UTF_8));
  }

  @Test
  void anInsurersColumnsPickAndOrderTheFieldsUnderItsHeaders() throws IOException {
    RosterColumns columns =
        RosterColumns.of(
            List.of(
                new RosterColumn("Status", "status"),
                new RosterColumn("ProviderID", "doctor_id"),
                new RosterColumn("Rev", "version"),
                new RosterColumn("Surname", "family_name")));
    DoctorSnapshot doctor = fixture();

    List<RosterRow> rows =
        RosterRow.of(MappingProfiles.json(doctor, INSURER, CodeMap.NONE).message());

    assertThat(columns.headers()).containsExactly("Status", "ProviderID", "Rev", "Surname");
    assertThat(columns.cells(rows.get(0)))
        .containsExactly(RosterRow.ACTIVE, doctor.id().toString(), "12", "Rao");
    assertThat(columns.custom()).isTrue();
  }

  @Test
  void aDoctorWithoutPracticeLocationsHasOneRowWithTheLocationColumnsEmpty() throws IOException {
    DoctorSnapshot doctor =
        new ObjectMapper()
            .readValue(
                "{\"id\": \"" + UUID.randomUUID() + "\", \"version\": 3, \"active\": true}",
                DoctorSnapshot.class);

    assertThat(RosterRow.of(MappingProfiles.json(doctor, INSURER, CodeMap.NONE).message()))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.values().subList(0, 3))
                  .containsExactly(doctor.id().toString(), "3", RosterRow.ACTIVE);
              assertThat(row.values().subList(3, row.values().size())).allMatch(String::isEmpty);
            });
  }

  @Test
  void anInsurersColumnsNameWhatIsWrongWithThem() {
    assertThat(
            RosterColumns.problems(
                List.of(
                    new RosterColumn("ID", "doctor_id"),
                    new RosterColumn("ID", "version"),
                    new RosterColumn(" ", "npi"),
                    new RosterColumn("Taxonomy", "taxonomy"))))
        .containsExactly(
            "sftp.columns[1].header: 'ID' is used twice",
            "sftp.columns[2].header: required",
            "sftp.columns[3].field: must be one of " + String.join(", ", RosterRow.COLUMNS),
            "sftp.columns: must include the fields doctor_id, version, status, without which a"
                + " reader cannot apply a row");
  }

  private static DoctorSnapshot fixture() throws IOException {
    return new ObjectMapper()
        .findAndRegisterModules()
        .readValue(resource("roster-doctor.json"), DoctorSnapshot.class);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RosterColumnsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
