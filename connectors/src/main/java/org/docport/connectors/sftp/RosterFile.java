package org.docport.connectors.sftp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.document.DoctorDocument;
import org.docport.mappings.document.DoctorMessage;
import org.docport.mappings.document.RosterRow;

/**
 * A roster CSV being written to local disk, counted and hashed as it goes, so a roster of 100,000
 * doctors is never held in memory and its checksum costs no second read. Closing deletes the file.
 */
final class RosterFile implements AutoCloseable {

  /**
   * The finished file.
   *
   * @param rows data rows (the header not counted)
   * @param doctors doctors listed as ACTIVE
   * @param withdrawn doctors listed as WITHDRAWN
   * @param sha256 the SHA-256 of the file's bytes, in lower-case hex
   */
  record Built(Path path, int rows, int doctors, int withdrawn, long bytes, String sha256) {}

  private final RosterColumns columns;
  private final Path path;
  private final MessageDigest digest;
  private final Writer out;
  private int rows;
  private int doctors;
  private int withdrawn;

  private RosterFile(RosterColumns columns, Path path) throws IOException {
    this.columns = columns;
    this.path = path;
    this.digest = sha256();
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(
                new DigestOutputStream(Files.newOutputStream(path), digest),
                StandardCharsets.UTF_8),
            1 << 16);
    RosterCsv.write(out, columns.headers());
  }

  /** A new file in the temporary directory, its header row written. */
  static RosterFile create(RosterColumns columns) {
    try {
      return new RosterFile(columns, Files.createTempFile("docport-roster-", ".csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a local roster file", e);
    }
  }

  /**
   * Lists a doctor the insurer may see, as the mappings made it for the insurer: its document's
   * rows, or the withdrawn row of a doctor no longer active.
   */
  void doctor(DoctorMessage message) {
    write(RosterRow.of(message));
    if (message instanceof DoctorDocument) {
      doctors++;
    } else {
      withdrawn++;
    }
  }

  /** Tells the insurer to drop every row of the doctor. */
  void withdrawn(UUID doctorId, long version) {
    write(List.of(RosterRow.withdrawn(doctorId, version)));
    withdrawn++;
  }

  private void write(List<RosterRow> records) {
    try {
      for (RosterRow record : records) {
        RosterCsv.write(out, columns.cells(record));
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the local roster file", e);
    }
  }

  /** Ends the file: what it holds, its size and its checksum. */
  Built finish() {
    try {
      out.close();
      return new Built(
          path,
          rows,
          doctors,
          withdrawn,
          Files.size(path),
          HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not finish the local roster file", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
