package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.docport.insurersim.WriteLogEntry.Operation;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

class ConditionalWritesTest extends InsurerServerTestSupport {

  @Test
  void conditionalUpdateCreatesThenUpdatesTheSameResource() {
    MethodOutcome created = upsert(practitioner("doc-1", "Okafor"), "doc-1");
    MethodOutcome updated = upsert(practitioner("doc-1", "Okafor-Bello"), "doc-1");

    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getVersionIdPart()).isEqualTo("1");
    assertThat(updated.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    Practitioner stored = insurer.findByIdentifier(Practitioner.class, DOCPORT_ID, "doc-1").get();
    assertThat(stored.getNameFirstRep().getFamily()).isEqualTo("Okafor-Bello");
    assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
    assertThat(stored.getMeta().getLastUpdated()).isNotNull();
  }

  @Test
  void aResourceWhoseIdentifierChangedNoLongerMatchesItsOldOne() {
    MethodOutcome first = upsert(practitioner("old-id", "Adeyemi"), "old-id");
    Practitioner renamed = practitioner("new-id", "Adeyemi");
    renamed.setId(first.getId().getIdPart());
    client.update().resource(renamed).execute();

    MethodOutcome again = upsert(practitioner("old-id", "Someone Else"), "old-id");

    assertThat(again.getCreated()).isTrue();
    assertThat(again.getId().getIdPart()).isNotEqualTo(first.getId().getIdPart());
    assertThat(insurer.findByIdentifier(Practitioner.class, DOCPORT_ID, "new-id")).isPresent();
  }

  @Test
  void conditionalUpdateMatchingSeveralResourcesIsRejectedWith412() {
    client.create().resource(practitioner("twin", "A")).execute();
    client.create().resource(practitioner("twin", "B")).execute();

    assertThatThrownBy(() -> upsert(practitioner("twin", "C"), "twin"))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(insurer.writeCount()).isEqualTo(2);
  }

  @Test
  void readOfAnEarlierVersionReturnsThatVersion() {
    IdType id = (IdType) upsert(practitioner("doc-2", "First"), "doc-2").getId();
    upsert(practitioner("doc-2", "Second"), "doc-2");

    Practitioner first =
        client.read().resource(Practitioner.class).withIdAndVersion(id.getIdPart(), "1").execute();
    Practitioner latest =
        client.read().resource(Practitioner.class).withId(id.getIdPart()).execute();

    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("First");
    assertThat(latest.getNameFirstRep().getFamily()).isEqualTo("Second");
    assertThat(latest.getIdElement().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void updateByClientIdCreatesThenVersionsTheResource() {
    Practitioner practitioner = practitioner("doc-3", "Client");
    practitioner.setId("doc-3");

    MethodOutcome created = client.update().resource(practitioner).execute();
    MethodOutcome updated = client.update().resource(practitioner).execute();

    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getIdPart()).isEqualTo("doc-3");
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void purelyNumericClientIdsAreRefusedLikeTheJpaServer() {
    Practitioner practitioner = practitioner("doc-4", "Numeric");
    practitioner.setId("12345");

    assertThatThrownBy(() -> client.update().resource(practitioner).execute())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("non-numeric");
  }

  @Test
  void updateAgainstAStaleVersionIsAConflict() {
    IdType id = (IdType) upsert(practitioner("doc-5", "One"), "doc-5").getId();
    upsert(practitioner("doc-5", "Two"), "doc-5");
    Practitioner stale = practitioner("doc-5", "Stale");
    stale.setId(id.toUnqualifiedVersionless().getValue());

    assertThatThrownBy(() -> client.update().resource(stale).withId(id.toUnqualified()).execute())
        .isInstanceOf(ResourceVersionConflictException.class);
  }

  @Test
  void conditionalCreateReturnsTheExistingMatchInsteadOfADuplicate() {
    MethodOutcome first =
        client
            .create()
            .resource(practitioner("doc-6", "Once"))
            .conditionalByUrl("Practitioner?identifier=" + DOCPORT_ID + "|doc-6")
            .execute();
    MethodOutcome second =
        client
            .create()
            .resource(practitioner("doc-6", "Twice"))
            .conditionalByUrl("Practitioner?identifier=" + DOCPORT_ID + "|doc-6")
            .execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(insurer.all(Practitioner.class)).hasSize(1);
  }

  @Test
  void ifNoneExistHeaderWithABareQueryFindsTheExistingResource() throws Exception {
    String id = upsert(practitioner("doc-8", "Existing"), "doc-8").getId().getIdPart();
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(insurer.baseUrl() + "/Practitioner"))
            .header("Content-Type", "application/fhir+json")
            .header("If-None-Exist", "identifier=" + DOCPORT_ID + "|doc-8")
            .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Practitioner\"}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("/Practitioner/" + id));
  }

  @Test
  void resetEmptiesTheStoreButNeverReusesIds() {
    String before = upsert(practitioner("doc-9", "Before"), "doc-9").getId().getIdPart();

    insurer.reset();
    String after = upsert(practitioner("doc-9", "After"), "doc-9").getId().getIdPart();

    assertThat(after).isNotEqualTo(before);
    assertThat(insurer.writeCount()).isEqualTo(1);
    assertThat(insurer.all(Practitioner.class)).hasSize(1);
  }

  @Test
  void concurrentConditionalUpdatesOfOneIdentifierYieldOneResourceWithEveryVersion()
      throws Exception {
    int writers = 6;
    int writesEach = 20;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String family = "Writer" + w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < writesEach; i++) {
                    upsert(practitioner("busy", family), "busy");
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(insurer.all(Practitioner.class)).hasSize(1);
    assertThat(insurer.writeLog())
        .extracting(WriteLogEntry::versionId)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(1, writers * writesEach).boxed().toList());
  }

  @Test
  void writeLogRecordsEveryWriteInCommitOrder() {
    String id = upsert(practitioner("doc-7", "A"), "doc-7").getId().getIdPart();
    upsert(practitioner("doc-7", "B"), "doc-7");
    client.delete().resourceById("Practitioner", id).execute();

    assertThat(insurer.writeLog())
        .extracting(
            WriteLogEntry::resourceType,
            WriteLogEntry::id,
            WriteLogEntry::versionId,
            WriteLogEntry::identifier,
            WriteLogEntry::operation)
        .containsExactly(
            tuple("Practitioner", id, 1L, DOCPORT_ID + "|doc-7", Operation.CREATE),
            tuple("Practitioner", id, 2L, DOCPORT_ID + "|doc-7", Operation.UPDATE),
            tuple("Practitioner", id, 3L, DOCPORT_ID + "|doc-7", Operation.DELETE));
    assertThat(insurer.writeCount()).isEqualTo(3);
  }
}
