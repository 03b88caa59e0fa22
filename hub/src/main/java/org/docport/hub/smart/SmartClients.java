package org.docport.hub.smart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The registered SMART clients and their revoked keys: the one writer of {@code smart_client} and
 * {@code smart_client_key_revocation}. A revoked client or key keeps its row (who revoked it and
 * when), and is never active again.
 */
@Repository
class SmartClients {

  /** What a client is registered with, already validated. */
  record NewClient(
      String insurerId, String name, String jwks, URI jwksUrl, List<String> scopes, String actor) {}

  /** Whether a client, and the key its token was obtained with, may still call. */
  enum Standing {
    ACTIVE,
    CLIENT_REVOKED,
    KEY_REVOKED,
    UNKNOWN
  }

  private static final String SELECT =
      """
      select c.*,
             (select json_agg(json_build_object('kid', k.kid, 'revokedAt', k.revoked_at,
                                                'revokedBy', k.revoked_by) order by k.revoked_at)
              from smart_client_key_revocation k where k.client_id = c.client_id)::text as revoked_keys
      from smart_client c
      """;

  /**
   * How long this replica trusts a standing it read: a revocation made here applies at once, one
   * made at another replica within this long.
   */
  static final Duration STANDING_TTL = Duration.ofSeconds(1);

  private static final int MAX_CACHED = 10_000;

  private record Cached(Standing standing, Instant until) {}

  private static final Logger log = LoggerFactory.getLogger(SmartClients.class);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Map<String, Cached> standings = new ConcurrentHashMap<>();

  SmartClients(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  SmartClient register(NewClient client) {
    String clientId = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into smart_client (client_id, insurer_id, name, jwks, jwks_url, scopes, created_by)
        values (?, ?, ?, ?::jsonb, ?, ?, ?)
        """,
        clientId,
        client.insurerId(),
        client.name(),
        client.jwks(),
        client.jwksUrl() == null ? null : client.jwksUrl().toString(),
        String.join(" ", client.scopes()),
        client.actor());
    log.info(
        "SMART client {} of insurer {} registered by {}",
        clientId,
        client.insurerId(),
        client.actor());
    return find(clientId).orElseThrow();
  }

  Optional<SmartClient> find(String clientId) {
    return jdbc.query(SELECT + " where c.client_id = ?", this::client, clientId).stream()
        .findFirst();
  }

  List<SmartClient> ofInsurer(String insurerId) {
    return jdbc.query(
        SELECT + " where c.insurer_id = ? order by c.created_at", this::client, insurerId);
  }

  List<SmartClient> all() {
    return jdbc.query(SELECT + " order by c.insurer_id, c.created_at", this::client);
  }

  /** Revokes a client at once; revoking it again changes nothing. */
  void revoke(String clientId, String actor) {
    if (jdbc.update(
            "update smart_client set revoked_at = now(), revoked_by = ?"
                + " where client_id = ? and revoked_at is null",
            actor,
            clientId)
        == 1) {
      log.info("SMART client {} revoked by {}", clientId, actor);
    }
    forgetStandings(clientId);
  }

  /** Withdraws one of a client's keys at once; withdrawing it again changes nothing. */
  void revokeKey(String clientId, String kid, String actor) {
    if (jdbc.update(
            "insert into smart_client_key_revocation (client_id, kid, revoked_by) values (?, ?, ?)"
                + " on conflict do nothing",
            clientId,
            kid,
            actor)
        == 1) {
      log.info("Key {} of SMART client {} revoked by {}", kid, clientId, actor);
    }
    forgetStandings(clientId);
  }

  /**
   * Whether a token of this client, obtained with this key, may still call: asked on every FHIR
   * request, so answered from a cache of {@link #STANDING_TTL}, else by one indexed lookup.
   */
  Standing standing(String clientId, String kid) {
    String key = clientId + '\n' + (kid == null ? "" : kid);
    Instant now = Instant.now();
    Cached cached = standings.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.standing();
    }
    Standing standing = readStanding(clientId, kid);
    if (standings.size() >= MAX_CACHED) {
      standings.clear();
    }
    standings.put(key, new Cached(standing, now.plus(STANDING_TTL)));
    return standing;
  }

  private void forgetStandings(String clientId) {
    standings.keySet().removeIf(key -> key.startsWith(clientId + '\n'));
  }

  private Standing readStanding(String clientId, String kid) {
    return jdbc.query(
        """
        select c.revoked_at is not null,
               exists (select 1 from smart_client_key_revocation k
                       where k.client_id = c.client_id and k.kid = ?)
        from smart_client c where c.client_id = ?
        """,
        rs -> {
          if (!rs.next()) {
            return Standing.UNKNOWN;
          }
          if (rs.getBoolean(1)) {
            return Standing.CLIENT_REVOKED;
          }
          return rs.getBoolean(2) ? Standing.KEY_REVOKED : Standing.ACTIVE;
        },
        kid == null ? "" : kid,
        clientId);
  }

  private SmartClient client(ResultSet rs, int row) throws SQLException {
    String url = rs.getString("jwks_url");
    return new SmartClient(
        rs.getString("client_id"),
        rs.getString("insurer_id"),
        rs.getString("name"),
        rs.getString("jwks"),
        url == null ? null : URI.create(url),
        Arrays.stream(rs.getString("scopes").split(" ")).filter(s -> !s.isEmpty()).toList(),
        instant(rs.getTimestamp("created_at")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("revoked_at")),
        rs.getString("revoked_by"),
        revocations(rs.getString("revoked_keys")));
  }

  private List<SmartClient.KeyRevocation> revocations(String aggregated) {
    if (aggregated == null) {
      return List.of();
    }
    try {
      List<Map<String, String>> rows = json.readValue(aggregated, new TypeReference<>() {});
      return rows.stream()
          .map(
              r ->
                  new SmartClient.KeyRevocation(
                      r.get("kid"),
                      OffsetDateTime.parse(r.get("revokedAt")).toInstant(),
                      r.get("revokedBy")))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable key revocations", e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
