package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Writes an error answer with an OperationOutcome body from servlet filters, which run before HAPI
 * and so cannot throw HAPI's exceptions. HAPI clients parse the body into their exception's
 * message, as they do for a real server's errors.
 */
final class ErrorResponses {

  private final FhirContext fhir;

  ErrorResponses(FhirContext fhir) {
    this.fhir = fhir;
  }

  void send(HttpServletResponse response, int status, String message) throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(issueTypeFor(status))
        .setDiagnostics(message);
    response.setStatus(status);
    response.setContentType(Constants.CT_FHIR_JSON_NEW);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
  }

  private static IssueType issueTypeFor(int status) {
    return switch (status) {
      case 400, 422 -> IssueType.INVALID;
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404, 410 -> IssueType.NOTFOUND;
      case 409, 412 -> IssueType.CONFLICT;
      case 429 -> IssueType.THROTTLED;
      case 503, 504 -> IssueType.TRANSIENT;
      default -> IssueType.EXCEPTION;
    };
  }
}
