package org.docport.insurersim;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: an embedded Tomcat serving the FHIR servlet at {@code /fhir/*} behind the given
 * filters, and the token servlet at {@code /oauth/token}. Owns its temporary base directory.
 */
final class EmbeddedTomcat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTomcat.class);

  private final Tomcat tomcat = new Tomcat();
  private final Path baseDir;

  private EmbeddedTomcat(Path baseDir) {
    this.baseDir = baseDir;
  }

  /**
   * @param fhirFilters applied in list order in front of the FHIR servlet
   */
  static EmbeddedTomcat start(
      int port, HttpServlet fhirServlet, HttpServlet tokenServlet, List<Filter> fhirFilters) {
    EmbeddedTomcat server;
    try {
      server = new EmbeddedTomcat(Files.createTempDirectory("insurer-sim"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      server.configure(port, fhirServlet, tokenServlet, fhirFilters);
      server.tomcat.start();
      return server;
    } catch (LifecycleException e) {
      server.close();
      throw new IllegalStateException("Insurer simulator failed to start on port " + port, e);
    }
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      log.warn("Insurer simulator did not stop cleanly", e);
    }
    try (Stream<Path> paths = Files.walk(baseDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Could not delete {}", baseDir, e);
    }
  }

  private void configure(
      int port, HttpServlet fhirServlet, HttpServlet tokenServlet, List<Filter> fhirFilters) {
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setSilent(true);
    tomcat.setPort(port);
    // Let curl users type "identifier=system|value" unencoded, as FHIR examples do.
    tomcat.getConnector().setProperty("relaxedQueryChars", "|");
    StandardContext context = (StandardContext) tomcat.addContext("", baseDir.toString());
    // Leak detection is for redeployable web apps; here it only logs --add-opens warnings.
    context.setClearReferencesObjectStreamClassCaches(false);
    context.setClearReferencesRmiTargets(false);
    context.setClearReferencesThreadLocals(false);
    Tomcat.addServlet(context, "fhir", fhirServlet).setLoadOnStartup(1);
    context.addServletMappingDecoded("/fhir/*", "fhir");
    Tomcat.addServlet(context, "token", tokenServlet);
    context.addServletMappingDecoded("/oauth/token", "token");
    for (int i = 0; i < fhirFilters.size(); i++) {
      addFilter(context, "fhir-filter-" + i, fhirFilters.get(i));
    }
  }

  private static void addFilter(StandardContext context, String name, Filter filter) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilter(filter);
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    map.addURLPattern("/fhir/*");
    context.addFilterMap(map);
  }
}
