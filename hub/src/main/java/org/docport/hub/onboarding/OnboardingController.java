package org.docport.hub.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.docport.workflows.onboarding.OnboardingStep;
import org.docport.workflows.onboarding.ReviewDecision;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Doctors go through onboarding; operators review them. */
@RestController
@Tag(name = "Onboarding")
class OnboardingController {

  /** A doctor's onboarding with the documents uploaded so far. */
  record OnboardingView(
      OnboardingStep step,
      List<String> problems,
      List<String> reviewNotes,
      int remindersSent,
      OffsetDateTime updatedAt,
      List<DoctorDocuments.Document> documents) {}

  /** An operator's review: approve, or send back with reasons the doctor can act on. */
  record Review(Boolean approved, List<String> reasons) {}

  private final Onboardings onboardings;
  private final OnboardingWorkflows workflows;
  private final DoctorDocuments documents;
  private final DoctorAccess access;

  OnboardingController(
      Onboardings onboardings,
      OnboardingWorkflows workflows,
      DoctorDocuments documents,
      DoctorAccess access) {
    this.onboardings = onboardings;
    this.workflows = workflows;
    this.documents = documents;
    this.access = access;
  }

  @Operation(summary = "Where the doctor's onboarding stands, and what is missing")
  @GetMapping("/api/doctors/{doctorId}/onboarding")
  OnboardingView get(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    Onboardings.Onboarding o = onboardings.find(doctorId).orElseThrow(() -> notFound(doctorId));
    OnboardingProgress progress = progress(o);
    return new OnboardingView(
        progress.step(),
        progress.problems(),
        progress.reviewNotes(),
        progress.remindersSent(),
        o.updatedAt(),
        documents.list(doctorId));
  }

  @Operation(summary = "Submit (or resubmit) the profile for credential checks and review")
  @PostMapping("/api/doctors/{doctorId}/onboarding/submit")
  OnboardingProgress submit(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return workflows.submit(doctorId);
  }

  @Operation(
      summary = "Upload a document: licence or degree (PDF, PNG or JPEG, at most 5 MiB)",
      description = "The body is the file itself, with its Content-Type.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(mediaType = "application/pdf", schema = @Schema(format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(format = "binary"))
              }))
  @PutMapping(
      value = "/api/doctors/{doctorId}/documents/{kind}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  DoctorDocuments.Document upload(
      @PathVariable UUID doctorId,
      @PathVariable String kind,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestBody(required = false) byte[] content,
      Authentication auth) {
    access.require(auth, doctorId);
    DocumentKind documentKind = kind(kind);
    OnboardingStep step = progress(doctorId).step();
    if (!UPLOADABLE.contains(step)) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Documents cannot change now",
          step == OnboardingStep.ACTIVE
              ? "Your documents were reviewed and approved; they cannot be replaced here."
              : "Your documents are being checked or reviewed; wait until that is done, or until"
                  + " they are sent back to you.");
    }
    return documents.store(
        doctorId, documentKind, contentType, content == null ? new byte[0] : content);
  }

  @Operation(
      summary = "A document's content, to view in the browser (the doctor and operators)",
      description = "Answers the file as uploaded, with its content type.")
  @GetMapping(
      value = "/api/doctors/{doctorId}/documents/{kind}",
      produces = {"application/pdf", "image/png", "image/jpeg"})
  ResponseEntity<byte[]> document(
      @PathVariable UUID doctorId, @PathVariable String kind, Authentication auth) {
    access.require(auth, doctorId);
    DocumentKind documentKind = kind(kind);
    DoctorDocuments.Content content =
        documents
            .content(doctorId, documentKind)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND,
                        "No such document",
                        "The doctor has not uploaded a " + kind + " document."));
    String extension = content.contentType().substring(content.contentType().indexOf('/') + 1);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(documentKind.name().toLowerCase(Locale.ROOT) + "." + extension)
                .build()
                .toString())
        // Shown as the type its bytes were checked to be on upload (no sniffing); not cached.
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(content.bytes());
  }

  @Operation(summary = "The doctor's documents (without their content)")
  @GetMapping("/api/doctors/{doctorId}/documents")
  List<DoctorDocuments.Document> documents(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return documents.list(doctorId);
  }

  @Operation(summary = "Doctors waiting for an operator's review, oldest first (operator only)")
  @GetMapping("/api/operator/onboarding/review-queue")
  List<Onboardings.Onboarding> reviewQueue() {
    return onboardings.awaitingReview();
  }

  @Operation(summary = "Approve a doctor, or send the onboarding back with reasons (operator only)")
  @PostMapping("/api/operator/onboarding/{doctorId}/review")
  OnboardingProgress review(@PathVariable UUID doctorId, @RequestBody Review review) {
    if (review.approved() == null) {
      throw ApiException.invalidField("Invalid review", "approved", "required: true or false");
    }
    List<String> reasons = review.reasons() == null ? List.of() : review.reasons();
    if (!review.approved() && reasons.stream().allMatch(r -> r == null || r.isBlank())) {
      throw ApiException.invalidField(
          "Invalid review", "reasons", "required when not approved: what the doctor should fix");
    }
    if (reasons.size() > 20 || reasons.stream().anyMatch(r -> r != null && r.length() > 500)) {
      throw ApiException.invalidField(
          "Invalid review", "reasons", "at most 20 reasons of at most 500 characters");
    }
    onboardings.find(doctorId).orElseThrow(() -> notFound(doctorId));
    return workflows.review(doctorId, new ReviewDecision(review.approved(), reasons));
  }

  /** Steps in which the doctor may (re)place documents: before submitting, or when sent back. */
  private static final Set<OnboardingStep> UPLOADABLE =
      EnumSet.of(OnboardingStep.DRAFT, OnboardingStep.CORRECTIONS_NEEDED);

  private OnboardingProgress progress(UUID doctorId) {
    return progress(onboardings.find(doctorId).orElseThrow(() -> notFound(doctorId)));
  }

  /**
   * The running workflow answers first (by query: it knows a submission the registry has not
   * recorded yet); the registry answers once it has ended, or while it is being restarted.
   */
  private OnboardingProgress progress(Onboardings.Onboarding o) {
    return o.step() == OnboardingStep.ACTIVE
        ? o.progress()
        : workflows.progress(o.doctorId()).orElse(o.progress());
  }

  private static DocumentKind kind(String kind) {
    try {
      return DocumentKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "No such document kind",
          "Documents are 'licence' or 'degree', not '" + kind + "'.");
    }
  }

  private static ApiException notFound(UUID doctorId) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "Doctor not found", "No doctor with id " + doctorId + ".");
  }
}
