package org.docport.connectors.sftp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What a roster file holds, written next to it as {@code <name>.manifest.json} once the CSV is
 * complete on the server: a reader that waits for the manifest never reads a partial CSV, and can
 * check the CSV against {@code rows} and {@code sha256}.
 *
 * @param layout {@value org.docport.mappings.document.RosterRow#LAYOUT}, the field vocabulary the
 *     columns come from
 * @param custom whether the columns are the insurer's own selection rather than v1's
 * @param columns the header row
 * @param kind {@code full} (every doctor the insurer may see; a doctor absent from it is to be
 *     dropped) or {@code delta} (only the doctors that changed, WITHDRAWN rows included)
 * @param sequence per insurer, one more for every file DocPort writes: apply files in this order
 * @param createdAt when the file was built (ISO 8601, UTC)
 * @param file the CSV's name
 * @param rows the CSV's data rows (its header not counted)
 * @param sha256 the SHA-256 of the CSV's bytes, in lower-case hex
 */
record RosterManifest(
    String layout,
    boolean custom,
    List<String> columns,
    String kind,
    String insurerId,
    long sequence,
    String createdAt,
    String file,
    int rows,
    int doctors,
    int withdrawn,
    long bytes,
    String sha256) {

  private static final ObjectMapper JSON = new ObjectMapper();

  byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
