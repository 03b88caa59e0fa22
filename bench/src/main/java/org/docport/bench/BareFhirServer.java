package org.docport.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.docport.testkit.HubProcess;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * The ceiling for the FHIR loads: HAPI's plain {@link RestfulServer} in an embedded Tomcat (as the
 * insurer simulator runs it) serving the projected Practitioners from a {@link ConcurrentHashMap}
 * by id, and answering the benchmark's PractitionerRole search from an index in memory that is
 * handed to it ready-made (specialty, then city, to the roles in id order). No authentication, no
 * database, no visibility rule, no audit: what is left is HTTP, HAPI's request handling (its
 * parameter binding and its own {@code _include}) and its JSON encoding.
 */
final class BareFhirServer implements AutoCloseable {

  private final Tomcat tomcat = new Tomcat();
  private final Path baseDir;

  private BareFhirServer(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** Parses the projected Practitioners and roles and serves them on a free port. */
  static BareFhirServer start(
      List<DirectorySeed.Projected> practitioners, List<DirectorySeed.ProjectedRole> roles) {
    FhirContext fhir = FhirContext.forR4Cached();
    IParser parser = fhir.newJsonParser();
    Map<String, Practitioner> byId = new ConcurrentHashMap<>();
    for (DirectorySeed.Projected p : practitioners) {
      byId.put(p.id(), withMeta(parser.parseResource(Practitioner.class, p.content()), p));
    }
    Map<String, NavigableMap<String, List<PractitionerRole>>> index = new HashMap<>();
    for (DirectorySeed.ProjectedRole r : roles) {
      PractitionerRole role =
          withMeta(parser.parseResource(PractitionerRole.class, r.role().content()), r.role());
      // Populated, so that HAPI's own _include adds it (BundleInclusionRule.BASED_ON_INCLUDES).
      role.getPractitioner()
          .setResource(byId.get(role.getPractitioner().getReferenceElement().getIdPart()));
      for (String specialty : r.specialties()) {
        for (String city : r.cities()) {
          index
              .computeIfAbsent(specialty, s -> new TreeMap<>())
              .computeIfAbsent(city, c -> new ArrayList<>())
              .add(role);
        }
      }
    }
    RestfulServer server = new RestfulServer(fhir);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(new Practitioners(byId), new PractitionerRoles(index));
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

  private static <T extends Resource> T withMeta(T resource, DirectorySeed.Projected stored) {
    resource.setId(new IdType(resource.fhirType(), stored.id(), String.valueOf(stored.version())));
    resource.getMeta().setVersionId(String.valueOf(stored.version()));
    resource.getMeta().setLastUpdated(Date.from(stored.lastUpdated()));
    return resource;
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

  /**
   * {@code PractitionerRole?specialty=...&location.address-city=...}: the roles of the specialty
   * whose location's city starts with the value (any case), in id order, the first {@code _count}
   * (50 unless asked) of them, as the hub's first page holds.
   */
  public static final class PractitionerRoles implements IResourceProvider {
    private final Map<String, NavigableMap<String, List<PractitionerRole>>> index;

    PractitionerRoles(Map<String, NavigableMap<String, List<PractitionerRole>>> index) {
      this.index = index;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
      return PractitionerRole.class;
    }

    @Search
    public List<PractitionerRole> search(
        @RequiredParam(name = PractitionerRole.SP_SPECIALTY) TokenParam specialty,
        @RequiredParam(
                name = PractitionerRole.SP_LOCATION,
                chainWhitelist = {"address-city"})
            ReferenceParam city,
        @IncludeParam(allow = {"PractitionerRole:practitioner"}) Set<Include> includes,
        @Count Integer count) {
      String token =
          specialty.getSystem() == null
              ? specialty.getValue()
              : specialty.getSystem() + "|" + specialty.getValue();
      String prefix = city.getValue().toLowerCase(Locale.ROOT);
      List<PractitionerRole> matches = new ArrayList<>();
      index
          .getOrDefault(token, new TreeMap<>())
          .subMap(prefix, true, prefix + Character.MAX_VALUE, false)
          .values()
          .forEach(matches::addAll);
      matches.sort(Comparator.comparing(r -> r.getIdElement().getIdPart()));
      return matches.subList(0, Math.min(matches.size(), count == null ? 50 : count));
    }
  }
}
