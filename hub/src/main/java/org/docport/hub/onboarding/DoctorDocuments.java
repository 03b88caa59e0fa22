package org.docport.hub.onboarding;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.docport.hub.platform.Digests;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents doctors upload for onboarding, kept in PostgreSQL with the registry. A document is
 * accepted only when its bytes are what its content type claims (PDF, PNG or JPEG) and it is at
 * most {@link #MAX_BYTES}.
 */
@Repository
public class DoctorDocuments {

  /** The largest document accepted. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Content types accepted, with the bytes every such file starts with. */
  static final Map<String, byte[]> SIGNATURES =
      Map.of(
          "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
          "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
          "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

  /** A stored document, without its bytes. */
  public record Document(
      DocumentKind kind,
      String contentType,
      int sizeBytes,
      String sha256,
      OffsetDateTime uploadedAt) {}

  private final JdbcTemplate jdbc;

  DoctorDocuments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores (or replaces) the doctor's document of this kind.
   *
   * @throws ApiException 415 for a type other than PDF, PNG or JPEG, or bytes that are not one; 413
   *     when too large; 400 when empty
   */
  public Document store(UUID doctorId, DocumentKind kind, String contentType, byte[] content) {
    String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    byte[] signature = SIGNATURES.get(type);
    if (signature == null) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported document type",
          "Send the document as application/pdf, image/png or image/jpeg, not '"
              + contentType
              + "'.");
    }
    if (content.length == 0) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Empty document", "The body is empty.");
    }
    if (content.length > MAX_BYTES) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "Document too large",
          "A document may be at most 5 MiB; this one is " + content.length + " bytes.");
    }
    if (content.length < signature.length
        || !Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Document is not a " + type,
          "The bytes sent are not a " + type + " file; send the file itself, unchanged.");
    }
    jdbc.update(
        """
        insert into doctor_document (doctor_id, kind, content_type, size_bytes, sha256, content)
        values (?, ?, ?, ?, ?, ?)
        on conflict (doctor_id, kind) do update set content_type = excluded.content_type,
          size_bytes = excluded.size_bytes, sha256 = excluded.sha256, content = excluded.content,
          uploaded_at = now()
        """,
        doctorId,
        kind.name(),
        type,
        content.length,
        Digests.sha256Hex(content),
        content);
    return list(doctorId).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
  }

  /** A stored document's bytes with their content type. */
  public record Content(String contentType, byte[] bytes) {}

  /** The doctor's document of this kind, bytes included. */
  public Optional<Content> content(UUID doctorId, DocumentKind kind) {
    return jdbc
        .query(
            "select content_type, content from doctor_document where doctor_id = ? and kind = ?",
            (rs, n) -> new Content(rs.getString(1), rs.getBytes(2)),
            doctorId,
            kind.name())
        .stream()
        .findFirst();
  }

  public List<Document> list(UUID doctorId) {
    return jdbc.query(
        "select kind, content_type, size_bytes, sha256, uploaded_at from doctor_document"
            + " where doctor_id = ? order by kind",
        (rs, n) ->
            new Document(
                DocumentKind.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class)),
        doctorId);
  }

  public Set<DocumentKind> kinds(UUID doctorId) {
    Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
    list(doctorId).forEach(d -> kinds.add(d.kind()));
    return kinds;
  }
}
