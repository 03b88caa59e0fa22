package org.docport.bench;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * What reached an insurer simulator: its committed Practitioner writes, each read back by version
 * over FHIR (vread) to learn which doctor and which registry version it carried.
 */
final class Arrivals {

  /** One Practitioner write at an insurer. */
  record Arrival(UUID doctorId, long registryVersion, long atMicros) {}

  static final String PRACTITIONER_SYSTEM = "https://docport.org/fhir/sid/practitioner";
  static final String REGISTRY_VERSION =
      "https://docport.org/fhir/StructureDefinition/registry-version";

  /** Registry version of a write whose Practitioner carries no registry-version extension. */
  static final long UNKNOWN = -1;

  private Arrivals() {}

  /**
   * Practitioner writes (not deletes) committed at or after {@code sinceMicros}, in commit order.
   */
  static List<Arrival> read(InsurerServer sim, long sinceMicros, int threads) {
    IGenericClient client = SimClients.of(sim);
    List<WriteLogEntry> writes =
        sim.writeLog().stream()
            .filter(e -> e.resourceType().equals("Practitioner"))
            .filter(e -> e.operation() != WriteLogEntry.Operation.DELETE)
            .filter(e -> Clocks.micros(e.at()) >= sinceMicros)
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Arrival>> reads = new ArrayList<>();
      for (WriteLogEntry write : writes) {
        reads.add(pool.submit(() -> vread(client, write)));
      }
      List<Arrival> arrivals = new ArrayList<>(reads.size());
      for (Future<Arrival> read : reads) {
        arrivals.add(read.get());
      }
      return arrivals;
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read back a Practitioner version", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The registry version the insurer's current copy of a doctor carries, if any. */
  static Optional<Long> heldVersion(InsurerServer sim, UUID doctorId) {
    return sim.findByIdentifier(Practitioner.class, PRACTITIONER_SYSTEM, doctorId.toString())
        .map(Arrivals::registryVersion)
        .filter(v -> v != UNKNOWN);
  }

  private static Arrival vread(IGenericClient client, WriteLogEntry write) {
    Practitioner practitioner =
        client
            .read()
            .resource(Practitioner.class)
            .withIdAndVersion(write.id(), Long.toString(write.versionId()))
            .execute();
    UUID doctorId =
        practitioner.getIdentifier().stream()
            .filter(i -> PRACTITIONER_SYSTEM.equals(i.getSystem()))
            .map(Identifier::getValue)
            .map(UUID::fromString)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Practitioner without DocPort id"));
    return new Arrival(doctorId, registryVersion(practitioner), Clocks.micros(write.at()));
  }

  static long registryVersion(Practitioner practitioner) {
    return practitioner.getExtension().stream()
        .filter(e -> REGISTRY_VERSION.equals(e.getUrl()))
        .map(Extension::getValue)
        .filter(v -> v != null && v.isPrimitive())
        .map(v -> Long.parseLong(v.primitiveValue().strip()))
        .findFirst()
        .orElse(UNKNOWN);
  }
}
