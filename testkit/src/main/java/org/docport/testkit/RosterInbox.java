package org.docport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An insurer reading the roster files DocPort leaves in one directory, the way {@code
 * docs/connectors.md} tells it to: only files whose manifest is there (so never a partial CSV),
 * each checked against its manifest's row count and SHA-256, applied in the manifests' {@code
 * sequence} order; a doctor's rows in a file replace every row held of the doctor unless they are
 * older than what is held, a {@code WITHDRAWN} row drops the doctor, and a {@code full} file drops
 * every doctor it does not list.
 */
public final class RosterInbox {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = ".manifest.json";

  private final Path directory;

  public RosterInbox(Path directory) {
    this.directory = directory;
  }

  /** One complete roster file: its manifest's kind and sequence, and its data rows by column. */
  public record RosterFile(String kind, long sequence, List<Map<String, String>> rows) {}

  /** The complete files in the directory now, in the order they are to be applied. */
  public List<RosterFile> files() {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed
          .filter(p -> p.getFileName().toString().endsWith(MANIFEST))
          .map(this::read)
          .sorted(Comparator.comparingLong(RosterFile::sequence))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of the doctor in every file, in the order the files are applied. */
  public List<Map<String, String>> sent(String doctorId) {
    return files().stream()
        .flatMap(file -> file.rows().stream())
        .filter(row -> doctorId.equals(row.get("doctor_id")))
        .toList();
  }

  /** The rows the insurer holds of each doctor once it has applied every complete file. */
  public Map<String, List<Map<String, String>>> held() {
    Map<String, List<Map<String, String>>> held = new HashMap<>();
    for (RosterFile file : files()) {
      Map<String, List<Map<String, String>>> byDoctor = new LinkedHashMap<>();
      file.rows()
          .forEach(
              r -> byDoctor.computeIfAbsent(r.get("doctor_id"), d -> new ArrayList<>()).add(r));
      if (file.kind().equals("full")) {
        held.keySet().retainAll(byDoctor.keySet());
      }
      byDoctor.forEach(
          (doctor, rows) -> {
            List<Map<String, String>> before = held.get(doctor);
            if (before != null && version(rows) < version(before)) {
              return;
            }
            if (rows.stream().anyMatch(r -> "WITHDRAWN".equalsIgnoreCase(r.get("status")))) {
              held.remove(doctor);
            } else {
              held.put(doctor, rows);
            }
          });
    }
    return held;
  }

  /** The rows held of one doctor (empty when none). */
  public List<Map<String, String>> held(String doctorId) {
    return held().getOrDefault(doctorId, List.of());
  }

  private static long version(List<Map<String, String>> rows) {
    String version = rows.get(0).get("version");
    return version == null || version.isEmpty() ? Long.MIN_VALUE : Long.parseLong(version);
  }

  private RosterFile read(Path manifestPath) {
    try {
      JsonNode manifest = JSON.readTree(manifestPath.toFile());
      byte[] csv = Files.readAllBytes(directory.resolve(manifest.path("file").asText()));
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
      if (!sha256.equals(manifest.path("sha256").asText())) {
        throw new IllegalStateException(manifest.path("file").asText() + " fails its checksum");
      }
      List<List<String>> records = parse(new String(csv, StandardCharsets.UTF_8));
      List<String> header = records.get(0);
      List<Map<String, String>> rows =
          records.subList(1, records.size()).stream().map(r -> cells(header, r)).toList();
      if (rows.size() != manifest.path("rows").asInt()) {
        throw new IllegalStateException(
            manifest.path("file").asText() + " has " + rows.size() + " rows, not as its manifest");
      }
      return new RosterFile(
          manifest.path("kind").asText().toLowerCase(Locale.ROOT),
          manifest.path("sequence").asLong(),
          rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> cells(List<String> header, List<String> record) {
    if (record.size() != header.size()) {
      throw new IllegalStateException("a row of " + record.size() + " fields under " + header);
    }
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      cells.put(header.get(i), record.get(i));
    }
    return cells;
  }

  /**
   * A CSV's records, each split into fields, as RFC 4180 has them: comma-separated fields,
   * CRLF-ended records, quoted fields with doubled quotes.
   */
  public static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalStateException("a quoted field never ends");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
