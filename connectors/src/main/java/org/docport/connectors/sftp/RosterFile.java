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
import org.docport.mappings.snapshot.DoctorSnapshot;

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

  private final RosterLayout layout;
  private final Path path;
  private final MessageDigest digest;
  private final Writer out;
  private int rows;
  private int doctors;
  private int withdrawn;

  private RosterFile(RosterLayout layout, Path path) throws IOException {
    this.layout = layout;
    this.path = path;
    this.digest = sha256();
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(
                new DigestOutputStream(Files.newOutputStream(path), digest),
                StandardCharsets.UTF_8),
            1 << 16);
    RosterCsv.write(out, layout.headers());
  }

  /** A new file in the temporary directory, its header row written. */
  static RosterFile create(RosterLayout layout) {
    try {
      return new RosterFile(layout, Files.createTempFile("docport-roster-", ".csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a local roster file", e);
    }
  }

  /** Lists a doctor the insurer may see. */
  void doctor(DoctorSnapshot doctor) {
    write(layout.rows(doctor));
    doctors++;
  }

  /** Tells the insurer to drop every row of the doctor. */
  void withdrawn(UUID doctorId, long version) {
    write(List.of(layout.withdrawn(doctorId, version)));
    withdrawn++;
  }

  private void write(List<List<String>> records) {
    try {
      for (List<String> record : records) {
        RosterCsv.write(out, record);
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
