package org.docport.hub.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's DataSource: the external PostgreSQL named by {@code DOCPORT_DB_URL}, or the
 * embedded one started here. Either way the rest of the hub sees one {@link DataSource} and one
 * {@link DatabaseEndpoint} (which change capture needs to open its replication connection).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DataSourceConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresHolder embeddedPostgres(DatabaseSettings settings) throws IOException {
    if (settings.external()) {
      return new EmbeddedPostgresHolder(null);
    }
    return new EmbeddedPostgresHolder(
        EmbeddedPostgres.start(
            settings.embedded().dataDir().toAbsolutePath(), settings.embedded().port()));
  }

  @Bean
  DatabaseEndpoint databaseEndpoint(DatabaseSettings settings, EmbeddedPostgresHolder embedded) {
    if (embedded.server() == null) {
      return DatabaseEndpoint.fromJdbcUrl(settings.url(), settings.user(), settings.password());
    }
    // The embedded server trusts local connections; the password is only there because
    // Debezium's offset store refuses an empty one.
    return DatabaseEndpoint.fromJdbcUrl(embedded.server().jdbcUrl(), "postgres", "postgres");
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseEndpoint endpoint) {
    var ds = pool(new HikariDataSource(), endpoint, "registry", 30);
    // A batch of inserts travels as multi-row inserts (the directory's search index rows).
    ds.addDataSourceProperty("reWriteBatchedInserts", "true");
    return ds;
  }

  /**
   * The delivery lanes' own connections to the same database, on which PostgreSQL plans each
   * statement once ({@link LaneConnections}).
   */
  @Bean(destroyMethod = "close")
  LaneConnections laneConnections(DatabaseEndpoint endpoint, MeterRegistry meters) {
    var config = pool(new HikariConfig(), endpoint, "delivery-lanes", 10);
    config.setMinimumIdle(2);
    config.setConnectionInitSql("set plan_cache_mode = force_generic_plan");
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    // Started here, not at the first claim, so its metrics are there from the start.
    var ds = new HikariDataSource(config);
    return new LaneConnections(ds);
  }

  /** A pool of connections to the registry's database, named as its metrics are tagged. */
  private static <T extends HikariConfig> T pool(
      T config, DatabaseEndpoint endpoint, String name, int size) {
    config.setJdbcUrl(endpoint.jdbcUrl());
    config.setUsername(endpoint.user());
    config.setPassword(endpoint.password());
    config.setMaximumPoolSize(size);
    config.setPoolName(name);
    return config;
  }

  /** Keeps the embedded server's lifecycle in the context; empty when the database is external. */
  record EmbeddedPostgresHolder(EmbeddedPostgres server) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (server != null) {
        server.close();
      }
    }
  }
}
