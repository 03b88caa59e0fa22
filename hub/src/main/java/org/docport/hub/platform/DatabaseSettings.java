package org.docport.hub.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the registry lives: an external PostgreSQL when {@code url} is set, else an embedded one.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code DOCPORT_DB_URL}); blank for embedded
 */
@ConfigurationProperties("docport.db")
public record DatabaseSettings(String url, String user, String password, Embedded embedded) {

  /** Settings of the embedded PostgreSQL. */
  public record Embedded(Path dataDir, int port) {}

  public boolean external() {
    return url != null && !url.isBlank();
  }
}
