package org.docport.hub.platform;

import java.net.URI;

/**
 * How to reach the registry database: the JDBC URL plus the parts a replication client needs.
 *
 * @param jdbcUrl the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/docport}
 */
public record DatabaseEndpoint(
    String jdbcUrl, String host, int port, String database, String user, String password) {

  /** Splits a {@code jdbc:postgresql://host:port/db?...} URL into its parts. */
  public static DatabaseEndpoint fromJdbcUrl(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "DOCPORT_DB_URL must be a jdbc:postgresql:// URL, was: " + jdbcUrl);
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isBlank()) {
      throw new IllegalArgumentException("DOCPORT_DB_URL must name a database: " + jdbcUrl);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    return new DatabaseEndpoint(
        jdbcUrl, uri.getHost(), port, path, user, password == null ? "" : password);
  }
}
