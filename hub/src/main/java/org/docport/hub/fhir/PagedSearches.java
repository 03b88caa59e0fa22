package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Next-page links that any replica can follow: a search with more than one page is stored by its
 * parameters (not its results), and each page is a keyset cursor carried in the link. Only the
 * insurer that searched may follow its links; a stored search is forgotten after {@link #KEPT}. The
 * only writer of {@code fhir_paged_search}.
 */
@Component
class PagedSearches {

  static final String FIRST_PAGE = "start";
  static final Duration KEPT = Duration.ofHours(24);

  private static final TypeReference<Map<String, String[]>> PARAMETERS = new TypeReference<>() {};

  /** A stored search: who ran it and how. */
  record StoredSearch(
      UUID id, String insurerId, String type, Map<String, String[]> parameters, boolean lenient) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  PagedSearches(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Stores a search that has a next page; answers its id. The same search by the same insurer in
   * the same hour gets the same id, so a client that repeats a search adds no row and writes
   * nothing: the table holds a row per distinct search and hour, not one per request (a busy
   * insurer's every search would otherwise be a row kept for a day). A row is kept {@link #KEPT}
   * from the first search of its hour, so a next link works for at least {@code KEPT} less an hour;
   * another insurer's same search has another id, and {@link #find} callers check the insurer
   * anyway.
   */
  UUID store(String insurerId, String type, Map<String, String[]> parameters, boolean lenient) {
    String written = write(new TreeMap<>(parameters));
    long hour = Instant.now().getEpochSecond() / Duration.ofHours(1).toSeconds();
    UUID id =
        UUID.nameUUIDFromBytes(
            String.join(
                    "\n", insurerId, type, Boolean.toString(lenient), Long.toString(hour), written)
                .getBytes(StandardCharsets.UTF_8));
    jdbc.update(
        "insert into fhir_paged_search (id, insurer_id, type, parameters, lenient)"
            + " values (?, ?, ?, ?::jsonb, ?) on conflict (id) do nothing",
        id,
        insurerId,
        type,
        written,
        lenient);
    return id;
  }

  /** The id of a stored search, if the text is one. */
  static Optional<UUID> parse(String searchId) {
    try {
      return Optional.of(UUID.fromString(searchId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  Optional<StoredSearch> find(UUID id) {
    return jdbc
        .query(
            "select id, insurer_id, type, parameters, lenient from fhir_paged_search where id = ?",
            (rs, n) ->
                new StoredSearch(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    read(rs.getString(4)),
                    rs.getBoolean(5)),
            id)
        .stream()
        .findFirst();
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void forgetOldSearches() {
    jdbc.update(
        "delete from fhir_paged_search where created_at < now() - ? * interval '1 second'",
        KEPT.toSeconds());
  }

  static ResourceGoneException gone(String searchId) {
    return new ResourceGoneException(
        "Search "
            + searchId
            + " is unknown or older than "
            + KEPT.toHours()
            + " hours; run the search again.");
  }

  private String write(Map<String, String[]> parameters) {
    try {
      return json.writeValueAsString(parameters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String[]> read(String parameters) {
    try {
      return json.readValue(parameters, PARAMETERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored search", e);
    }
  }
}
