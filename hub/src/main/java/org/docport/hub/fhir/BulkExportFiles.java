package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one file of a bulk export as NDJSON, line by line as the rows arrive, from one read-only
 * REPEATABLE READ snapshot (so the file is consistent however long the download takes). A file of
 * resources goes on the disclosure record of every doctor it carried, counted as it was written.
 */
@Component
class BulkExportFiles {

  /** Deletions per Bundle line of the deleted file. */
  static final int DELETIONS_PER_BUNDLE = 500;

  private final FhirContext fhir;
  private final BulkExportQueries queries;
  private final Disclosures disclosures;
  private final TransactionTemplate snapshot;

  BulkExportFiles(
      FhirContext fhir,
      BulkExportQueries queries,
      Disclosures disclosures,
      PlatformTransactionManager transactions) {
    this.fhir = fhir;
    this.queries = queries;
    this.disclosures = disclosures;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  void write(Caller caller, BulkExports.Job job, BulkExports.File file, Writer out) {
    if (file.deleted()) {
      snapshot.executeWithoutResult(s -> writeDeleted(job, out));
    } else {
      writeOutput(caller, job, file.type(), out);
    }
  }

  /** The resources, one per line; what each doctor disclosed is recorded, even if cut short. */
  private void writeOutput(Caller caller, BulkExports.Job job, String type, Writer out) {
    Map<UUID, Integer> perDoctor = new HashMap<>();
    long[] sent = {0};
    try {
      snapshot.executeWithoutResult(
          s ->
              queries.forEach(
                  job,
                  type,
                  stored -> {
                    line(out, StoredJson.json(stored));
                    sent[0]++;
                    if (stored.doctorId() != null) {
                      perDoctor.merge(stored.doctorId(), 1, Integer::sum);
                    }
                  }));
    } finally {
      disclosures.record(caller, "export", job.request(), perDoctor, sent[0]);
    }
  }

  /** Transaction Bundles of DELETE entries, {@link #DELETIONS_PER_BUNDLE} a line. */
  private void writeDeleted(BulkExports.Job job, Writer out) {
    IParser parser = fhir.newJsonParser().setPrettyPrint(false);
    Bundle[] bundle = {null};
    queries.forEachDeleted(
        job,
        stored -> {
          if (bundle[0] == null) {
            bundle[0] = new Bundle().setType(Bundle.BundleType.TRANSACTION);
          }
          bundle[0]
              .addEntry()
              .getRequest()
              .setMethod(Bundle.HTTPVerb.DELETE)
              .setUrl(stored.type() + "/" + stored.id());
          if (bundle[0].getEntry().size() == DELETIONS_PER_BUNDLE) {
            line(out, parser.encodeResourceToString(bundle[0]));
            bundle[0] = null;
          }
        });
    if (bundle[0] != null) {
      line(out, parser.encodeResourceToString(bundle[0]));
    }
  }

  private static void line(Writer out, String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
