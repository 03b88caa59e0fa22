package org.docport.hub.partner;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.docport.hub.platform.Secrets;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys insurers sign partner API requests with: the only writer of {@code partner_key}. A key
 * is a Standard Webhooks secret ({@code whsec_} and 32 random bytes in base64) that DocPort makes,
 * seals at rest ({@link Secrets}, bound to the key's id) and shows once, when it is issued. An
 * insurer holds at most two live keys: issuing the second starts a rotation, during which both
 * verify, and retiring the old one ends it.
 */
@Repository
class PartnerKeys {

  /** Live keys an insurer may hold at once: the current one and the next. */
  static final int MAX_LIVE = 2;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_BYTES = 32;

  /** A key as operators see it: never its secret. */
  record PartnerKey(
      String id,
      String insurerId,
      Instant createdAt,
      String createdBy,
      Instant lastUsedAt,
      Instant retiredAt,
      String retiredBy) {}

  /** A key just issued, with its secret: the only time DocPort shows it. */
  record IssuedPartnerKey(String id, String insurerId, String secret, Instant createdAt) {}

  /** A live key, opened, for verifying a request. */
  record LiveKey(String id, String secret) {}

  private final JdbcTemplate jdbc;
  private final Secrets secrets;

  PartnerKeys(JdbcTemplate jdbc, Secrets secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  /**
   * Issues a new key to the insurer.
   *
   * @throws ApiException 404 for an unknown insurer, 409 when it holds two live keys already
   */
  @Transactional
  IssuedPartnerKey issue(String insurerId, String actor) {
    if (!Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from insurer where id = ?)", Boolean.class, insurerId))) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "Insurer not found", "No insurer with id '" + insurerId + "'.");
    }
    // Locks the live keys: two operators issuing at once take turns, so the limit holds.
    List<String> live =
        jdbc.queryForList(
            "select id from partner_key where insurer_id = ? and retired_at is null"
                + " order by created_at for update",
            String.class,
            insurerId);
    if (live.size() >= MAX_LIVE) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Rotation in progress",
          "Insurer '"
              + insurerId
              + "' holds "
              + live.size()
              + " live partner keys ("
              + String.join(", ", live)
              + "); retire the old one (DELETE .../partner-keys/"
              + live.get(0)
              + ") once the insurer signs with the new one, then issue another.");
    }
    String id = "pk_" + HexFormat.of().formatHex(random(8));
    String secret = "whsec_" + Base64.getEncoder().encodeToString(random(KEY_BYTES));
    Timestamp created =
        jdbc.queryForObject(
            "insert into partner_key (id, insurer_id, secret, created_by) values (?, ?, ?, ?)"
                + " returning created_at",
            Timestamp.class,
            id,
            insurerId,
            secrets.seal(secret, sealedAs(id, insurerId)),
            actor);
    return new IssuedPartnerKey(id, insurerId, secret, created.toInstant());
  }

  /** The insurer's keys, live and retired, newest first. */
  List<PartnerKey> of(String insurerId) {
    return jdbc.query(
        "select id, insurer_id, created_at, created_by, last_used_at, retired_at, retired_by"
            + " from partner_key where insurer_id = ? order by created_at desc, id",
        PartnerKeys::key,
        insurerId);
  }

  /**
   * Retires the key: it verifies no request from now on, and its secret is dropped. Retiring a
   * retired key changes nothing.
   *
   * @throws ApiException 404 when the insurer has no such key
   */
  @Transactional
  void retire(String insurerId, String keyId, String actor) {
    int found =
        jdbc.queryForObject(
            "select count(*) from partner_key where insurer_id = ? and id = ?",
            Integer.class,
            insurerId,
            keyId);
    if (found == 0) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Partner key not found",
          "Insurer '" + insurerId + "' has no partner key '" + keyId + "'.");
    }
    jdbc.update(
        "update partner_key set retired_at = now(), retired_by = ?, secret = null"
            + " where insurer_id = ? and id = ? and retired_at is null",
        actor,
        insurerId,
        keyId);
  }

  /** The insurer's live keys, opened: what a request of the insurer may be signed with. */
  List<LiveKey> live(String insurerId) {
    return jdbc.query(
        "select id, secret from partner_key where insurer_id = ? and retired_at is null",
        (rs, n) ->
            new LiveKey(
                rs.getString(1),
                secrets.open(rs.getString(2), sealedAs(rs.getString(1), insurerId))),
        insurerId);
  }

  /**
   * Notes that the key verified a request, at most once a minute per key: what tells an operator
   * whether the insurer moved on to the new key of a rotation.
   */
  void used(String keyId) {
    jdbc.update(
        "update partner_key set last_used_at = now() where id = ?"
            + " and (last_used_at is null or last_used_at < now() - interval '1 minute')",
        keyId);
  }

  /**
   * What a key's sealed secret is bound to: the key and its insurer, so a copy to another row does
   * not open.
   */
  private static String sealedAs(String keyId, String insurerId) {
    return insurerId + " partner-key " + keyId;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static PartnerKey key(ResultSet rs, int row) throws SQLException {
    return new PartnerKey(
        rs.getString(1),
        rs.getString(2),
        rs.getTimestamp(3).toInstant(),
        rs.getString(4),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        rs.getString(7));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
