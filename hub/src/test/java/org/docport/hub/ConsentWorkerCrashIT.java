package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.docport.workflows.consent.ConsentKey;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * The consent saga survives its worker: with the Temporal test server in a process of its own, the
 * hub running the saga is killed with SIGKILL in the middle of an activity, and a fresh hub
 * finishes the same workflow run.
 */
class ConsentWorkerCrashIT {

  private static final String PASSWORD = "worker-crash-operator";

  @Test
  void aFreshWorkerCompletesTheSagaWhoseWorkerWasKilledMidActivity() throws Exception {
    Path log = Files.createTempFile("hub-worker-crash-it", ".log");
    int temporalPort = HubProcess.freePort();
    Process temporal = startTemporalServer(temporalPort, log);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("localhost:" + temporalPort)
                .build());
    try (TestDatabase db = TestDatabase.start();
        InsurerServer insurer = InsurerServer.start(0)) {
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> healthy(service));
      HubProcess first = start(db, log, temporalPort);
      HubClient api = new HubClient(first.baseUrl(), "operator", PASSWORD);
      api.post(
              "/api/operator/insurers",
              Map.of(
                  "id", "crash-ins",
                  "name", "Crash Insurer",
                  "networks", List.of(Map.of("id", "gold", "name", "Gold")),
                  "connector", Map.of("kind", "fhir-rest", "baseUrl", insurer.baseUrl()),
                  "enrolment", Map.of("autoAccept", true)))
          .expect(201);
      String doctor =
          api.post("/api/doctors", SampleDoctors.profile("Crash"))
              .expect(201)
              .body()
              .get("id")
              .asText();
      // The insurer is down, so the saga sits in its confirm-enrolment activity.
      insurer.failAlways(503);
      api.post("/api/doctors/" + doctor + "/consents/crash-ins", Map.of()).expect(202);
      String workflowId = new ConsentKey(UUID.fromString(doctor), "crash-ins").optInWorkflowId();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> activityRunning(service, workflowId, "ConfirmEnrolled"));
      String runId =
          describe(service, workflowId).getWorkflowExecutionInfo().getExecution().getRunId();

      first.kill9();
      insurer.healthy();
      HubProcess second = start(db, log, temporalPort);
      try {
        HubClient again = new HubClient(second.baseUrl(), "operator", PASSWORD);
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    again
                        .get("/api/doctors/" + doctor + "/consents/crash-ins")
                        .expect(200)
                        .body()
                        .get("status")
                        .asText()
                        .equals("ACTIVE"));
        // ACTIVE is the saga's last activity; the workflow completes right after it.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    describe(service, workflowId).getWorkflowExecutionInfo().getStatus()
                        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        DescribeWorkflowExecutionResponse done = describe(service, workflowId);
        assertThat(done.getWorkflowExecutionInfo().getExecution().getRunId()).isEqualTo(runId);
        assertThat(
                insurer.findByIdentifier(
                    Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor))
            .isPresent();
      } finally {
        second.close();
        first.close();
      }
    } finally {
      service.shutdownNow();
      temporal.destroyForcibly().waitFor();
    }
  }

  /** The Temporal test server from the test class path, as a process of its own. */
  private static Process startTemporalServer(int port, Path log) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.temporal.testserver.TestServer",
            String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static HubProcess start(TestDatabase db, Path log, int temporalPort) {
    return HubProcess.packaged(db, PASSWORD)
        .with("TEMPORAL_ADDRESS", "localhost:" + temporalPort)
        .with("DOCPORT_TEMPORAL_STICKY_QUEUE_TIMEOUT", "PT0S")
        .maxHeap("384m")
        .start(HubProcess.freePort(), log);
  }

  private static boolean healthy(WorkflowServiceStubs service) {
    service.healthCheck();
    return true;
  }

  private static DescribeWorkflowExecutionResponse describe(
      WorkflowServiceStubs service, String workflowId) {
    return service
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  private static boolean activityRunning(
      WorkflowServiceStubs service, String workflowId, String activityType) {
    return describe(service, workflowId).getPendingActivitiesList().stream()
        .anyMatch(
            a ->
                a.getActivityType().getName().equals(activityType)
                    && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
  }
}
