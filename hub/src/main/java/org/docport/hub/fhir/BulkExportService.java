package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Bulk Data export (Bulk Data Access IG v2) of an insurer's directory view: kick-off, status,
 * files. Kick-off only records what was asked and when ({@code transactionTime}); the first status
 * poll computes the manifest (counts); each file is generated when downloaded ({@link
 * BulkExportFiles}), streamed from one consistent snapshot. Jobs and files belong to the client
 * that kicked off: to any other caller they do not exist (404), and they expire ({@code
 * docport.fhir.export.expiry}).
 *
 * <p>Files are the view as of {@code transactionTime} filtered by the live consent rule, which is
 * applied again at download: a doctor whose consent ends between the poll and the download is left
 * out of the file (and listed among the deletions), so a file may hold fewer resources than the
 * manifest's {@code count} said — never one the insurer may no longer see.
 */
@Component
class BulkExportService {

  static final String NDJSON = "application/fhir+ndjson";
  static final String DELETED_FILE = "deleted";

  private final FhirContext fhir;
  private final Callers callers;
  private final BulkExports jobs;
  private final BulkExportQueries queries;
  private final BulkExportFiles files;
  private final ObjectMapper json;
  private final Duration expiry;
  private final TransactionTemplate locking;

  BulkExportService(
      FhirContext fhir,
      Callers callers,
      BulkExports jobs,
      BulkExportQueries queries,
      BulkExportFiles files,
      ObjectMapper json,
      PlatformTransactionManager transactions,
      @Value("${docport.fhir.export.expiry:PT1H}") Duration expiry) {
    this.fhir = fhir;
    this.callers = callers;
    this.jobs = jobs;
    this.queries = queries;
    this.files = files;
    this.json = json;
    this.expiry = expiry;
    this.locking = new TransactionTemplate(transactions);
  }

  /**
   * {@code $export}, asked by GET (parameters in the URL) or POST (a {@code Parameters} body): 202
   * with the status URL in {@code Content-Location}.
   *
   * @param served the resource types the server serves
   * @param level the type of a type-level kick-off; null at system level
   */
  void kickOff(ServletRequestDetails request, List<String> served, String level) {
    Caller caller = callers.current();
    String prefer = request.getHeader("Prefer");
    if (prefer == null || !prefer.replace(" ", "").contains("respond-async")) {
      throw new InvalidRequestException(
          "$export runs asynchronously: send the header 'Prefer: respond-async'.");
    }
    Map<String, String[]> parameters = BulkExportParameters.of(fhir, request);
    BulkExportRequest asked =
        BulkExportRequest.parse(parameters, served, level, caller.scopes()::mayRead);
    BulkExports.Job job =
        jobs.create(caller, BulkExportParameters.request(request, parameters), asked, expiry);
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(202);
    response.setHeader(
        "Content-Location",
        request.getFhirServerBase() + "/$export-poll-status?_jobId=" + job.id());
  }

  /** {@code $export-poll-status}: progress, the manifest, or (DELETE) cancellation. */
  void status(ServletRequestDetails request) throws IOException {
    Caller caller = callers.current();
    BulkExports.Job job = own(caller, request);
    HttpServletResponse response = request.getServletResponse();
    if (request.getRequestType() == RequestTypeEnum.DELETE) {
      jobs.forget(job.id());
      response.setStatus(202);
      return;
    }
    requireUnexpired(job);
    if (job.status() == BulkExports.Status.IN_PROGRESS && !completeIfFree(job)) {
      response.setStatus(202);
      response.setHeader("X-Progress", "computing the manifest");
      response.setHeader("Retry-After", "1");
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader("Expires", job.expiresAt().toString());
    json.writeValue(response.getOutputStream(), manifest(request, job));
  }

  /** {@code $export-file}: one file of the manifest, generated as it is sent. */
  void file(ServletRequestDetails request) throws IOException {
    Caller caller = callers.current();
    BulkExports.Job job = own(caller, request);
    requireUnexpired(job);
    String name = parameter(request, "_file").orElse("");
    BulkExports.File file =
        jobs.files(job.id()).stream()
            .filter(f -> name.equals(f.deleted() ? DELETED_FILE : f.type()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Export " + job.id() + " has no file '" + name + "'; see its manifest."));
    if (!file.deleted() && !caller.scopes().mayRead(file.type())) {
      throw BulkExportRequest.forbidden(file.type());
    }
    Writer out = ndjson(request);
    files.write(caller, job, file, out);
    out.flush();
  }

  /** Starts a 200 answer of NDJSON; the writer is the caller's to flush. */
  static Writer ndjson(ServletRequestDetails request) throws IOException {
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(200);
    response.setContentType(NDJSON);
    response.setCharacterEncoding("UTF-8");
    return new BufferedWriter(
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Computes the manifest's files and completes the job, unless another poll is doing so.
   *
   * @return whether the job is complete now
   */
  private boolean completeIfFree(BulkExports.Job job) {
    Boolean complete =
        locking.execute(
            s -> {
              if (jobs.lockInProgress(job.id()).isEmpty()) {
                return jobs.find(job.id())
                    .map(j -> j.status() == BulkExports.Status.COMPLETE)
                    .orElse(false);
              }
              List<BulkExports.File> files = new ArrayList<>();
              for (String type : job.asked().types()) {
                long count = queries.count(job, type);
                if (count > 0) {
                  files.add(new BulkExports.File(type, false, count));
                }
              }
              if (job.asked().since() != null) {
                long deleted = queries.countDeleted(job);
                if (deleted > 0) {
                  files.add(new BulkExports.File("Bundle", true, deleted));
                }
              }
              jobs.complete(job.id(), files);
              return true;
            });
    return Boolean.TRUE.equals(complete);
  }

  private ObjectNode manifest(ServletRequestDetails request, BulkExports.Job job) {
    String url = request.getFhirServerBase() + "/$export-file?_jobId=" + job.id() + "&_file=";
    ObjectNode manifest = json.createObjectNode();
    manifest.put("transactionTime", job.transactionTime().toString());
    manifest.put("request", job.request());
    manifest.put("requiresAccessToken", true);
    ArrayNode output = manifest.putArray("output");
    ArrayNode deleted = manifest.putArray("deleted");
    manifest.putArray("error");
    for (BulkExports.File file : jobs.files(job.id())) {
      if (file.deleted()) {
        deleted
            .addObject()
            .put("type", "Bundle")
            .put("url", url + DELETED_FILE)
            .put(
                "count",
                (file.resources() + BulkExportFiles.DELETIONS_PER_BUNDLE - 1)
                    / BulkExportFiles.DELETIONS_PER_BUNDLE);
      } else {
        output
            .addObject()
            .put("type", file.type())
            .put("url", url + file.type())
            .put("count", file.resources());
      }
    }
    return manifest;
  }

  /** The job named by {@code _jobId} if the caller's own client kicked it off. */
  private BulkExports.Job own(Caller caller, ServletRequestDetails request) {
    String id = parameter(request, "_jobId").orElse("");
    return uuid(id)
        .flatMap(jobs::find)
        .filter(
            j -> j.insurerId().equals(caller.insurerId()) && j.clientId().equals(caller.clientId()))
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "No export '" + id + "' of this client; kick off one with $export."));
  }

  private static void requireUnexpired(BulkExports.Job job) {
    if (job.expired()) {
      throw new ResourceNotFoundException(
          "Export "
              + job.id()
              + " expired at "
              + job.expiresAt()
              + "; kick off a new one with $export.");
    }
  }

  private static Optional<String> parameter(ServletRequestDetails request, String name) {
    String[] values = request.getParameters().get(name);
    return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
