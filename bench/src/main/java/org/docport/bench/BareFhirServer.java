package org.docport.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.docport.testkit.HubProcess;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * The ceiling for a FHIR read: HAPI's plain {@link RestfulServer} in an embedded Tomcat (as the
 * insurer simulator runs it) serving Practitioners from a {@link ConcurrentHashMap} by id. No
 * authentication, no database, no visibility rule: what is left is HTTP, HAPI's request handling
 * and its JSON encoding.
 */
final class BareFhirServer implements AutoCloseable {

  private final Tomcat tomcat = new Tomcat();
  private final Path baseDir;

  private BareFhirServer(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** Parses the projected Practitioners and serves them on a free port. */
  static BareFhirServer start(List<DirectorySeed.Projected> practitioners) {
    FhirContext fhir = FhirContext.forR4Cached();
    IParser parser = fhir.newJsonParser();
    Map<String, Practitioner> byId = new ConcurrentHashMap<>();
    for (DirectorySeed.Projected p : practitioners) {
      Practitioner practitioner = parser.parseResource(Practitioner.class, p.content());
      practitioner.setId(new IdType("Practitioner", p.id(), String.valueOf(p.version())));
      practitioner.getMeta().setVersionId(String.valueOf(p.version()));
      practitioner.getMeta().setLastUpdated(Date.from(p.lastUpdated()));
      byId.put(p.id(), practitioner);
    }
    RestfulServer server = new RestfulServer(fhir);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(new Practitioners(byId));
    BareFhirServer bare;
    try {
      bare = new BareFhirServer(Files.createTempDirectory("bare-fhir"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      bare.tomcat.setBaseDir(bare.baseDir.toString());
      bare.tomcat.setSilent(true);
      // A fixed port rather than 0, so its threads are named http-nio-<port>-..., apart from the
      // simulators' (http-nio-auto-#-...), and the CPU table can tell them apart.
      bare.tomcat.setPort(HubProcess.freePort());
      Context context = bare.tomcat.addContext("", bare.baseDir.toString());
      Tomcat.addServlet(context, "fhir", server).setLoadOnStartup(1);
      context.addServletMappingDecoded("/fhir/*", "fhir");
      bare.tomcat.start();
      return bare;
    } catch (LifecycleException e) {
      bare.close();
      throw new IllegalStateException("bare FHIR server failed to start", e);
    }
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  String baseUrl() {
    return "http://localhost:" + port() + "/fhir";
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      // the benchmark exits next
    }
    baseDir.toFile().deleteOnExit();
  }

  /** Reads by id from the map. */
  public static final class Practitioners implements IResourceProvider {
    private final Map<String, Practitioner> byId;

    Practitioners(Map<String, Practitioner> byId) {
      this.byId = byId;
    }

    @Override
    public Class<Practitioner> getResourceType() {
      return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
      Practitioner found = byId.get(id.getIdPart());
      if (found == null) {
        throw new ResourceNotFoundException(id);
      }
      return found;
    }
  }
}
