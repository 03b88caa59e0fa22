package org.docport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterInboxTest {

  private static final String HEADER = "doctor_id,version,status,family_name,address_line\r\n";

  @TempDir Path inbox;

  @Test
  void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
    assertThat(RosterInbox.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\",\r\n1,,3,4,5\r\n"))
        .containsExactly(
            List.of("a", "b,c", "say \"hi\"", "x\r\ny", ""), List.of("1", "", "3", "4", "5"));
  }

  @Test
  void filesApplyInSequenceOrderAndAnOlderVersionNeverReplacesANewerOne() throws Exception {
    write(2, "delta", "d1,3,ACTIVE,Newer,\"1 Main St, Floor 2\"\r\n");
    write(1, "delta", "d1,2,ACTIVE,Older,\r\nd2,1,ACTIVE,Other,\r\n");
    write(3, "delta", "d1,2,ACTIVE,Stale,\r\n");
    write(4, "delta", "d2,1,WITHDRAWN,,\r\n");
    Files.writeString(inbox.resolve("partial.csv.part"), HEADER + "d3,1,ACTIVE,Partial,\r\n");

    RosterInbox reader = new RosterInbox(inbox);

    assertThat(reader.sent("d1"))
        .extracting(r -> r.get("family_name"))
        .containsExactly("Older", "Newer", "Stale");
    assertThat(reader.held("d1"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("family_name")).isEqualTo("Newer");
              assertThat(r.get("address_line")).isEqualTo("1 Main St, Floor 2");
            });
    assertThat(reader.held("d2")).isEmpty();
    assertThat(reader.held()).containsOnlyKeys("d1");
  }

  @Test
  void aFullRosterDropsEveryDoctorItDoesNotList() throws Exception {
    write(1, "delta", "d1,1,ACTIVE,One,\r\nd2,1,ACTIVE,Two,\r\n");
    write(2, "full", "d2,1,ACTIVE,Two,\r\n");

    assertThat(new RosterInbox(inbox).held()).containsOnlyKeys("d2");
  }

  @Test
  void aFileThatFailsItsChecksumIsRefused() throws Exception {
    write(1, "delta", "d1,1,ACTIVE,One,\r\n");
    Files.writeString(inbox.resolve("roster-1.csv"), HEADER + "d1,1,ACTIVE,Forged,\r\n");

    assertThatThrownBy(() -> new RosterInbox(inbox).files()).hasMessageContaining("checksum");
  }

  private void write(long sequence, String kind, String rows)
      throws IOException, NoSuchAlgorithmException {
    String name = "roster-" + sequence + ".csv";
    byte[] csv = (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    Files.write(inbox.resolve(name), csv);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
    long count = rows.split("\r\n").length;
    Files.writeString(
        inbox.resolve("roster-" + sequence + ".manifest.json"),
        """
        {"kind": "%s", "sequence": %d, "file": "%s", "rows": %d, "sha256": "%s"}
        """
            .formatted(kind, sequence, name, count, sha256));
  }
}
