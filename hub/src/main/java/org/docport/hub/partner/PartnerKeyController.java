package org.docport.hub.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators issue, list and retire the keys insurers sign partner API requests with. */
@RestController
@RequestMapping("/api/operator/insurers/{insurerId}/partner-keys")
@Tag(name = "Operator: partner API keys")
class PartnerKeyController {

  private final PartnerKeys keys;

  PartnerKeyController(PartnerKeys keys) {
    this.keys = keys;
  }

  @Operation(
      summary = "Issue a partner API key to an insurer (its secret is shown only now)",
      description =
          "A Standard Webhooks key (whsec_ and 32 random bytes in base64) the insurer signs its"
              + " partner API requests with. With one live key already, this starts a rotation:"
              + " both verify until the old one is retired. At most two live keys (409).")
  @PostMapping
  ResponseEntity<PartnerKeys.IssuedPartnerKey> issuePartnerKey(
      @PathVariable String insurerId, Authentication auth) {
    PartnerKeys.IssuedPartnerKey issued = keys.issue(insurerId, auth.getName());
    return ResponseEntity.created(
            URI.create("/api/operator/insurers/" + insurerId + "/partner-keys/" + issued.id()))
        .body(issued);
  }

  @Operation(summary = "An insurer's partner API keys, newest first (never their secrets)")
  @GetMapping
  List<PartnerKeys.PartnerKey> listPartnerKeys(@PathVariable String insurerId) {
    return keys.of(insurerId);
  }

  @Operation(
      summary = "Retire a partner API key",
      description =
          "Requests signed with it are refused from now on (401); its secret is dropped. Ends a"
              + " rotation once lastUsedAt shows the insurer signs with the new key.")
  @DeleteMapping("/{keyId}")
  ResponseEntity<Void> retirePartnerKey(
      @PathVariable String insurerId, @PathVariable String keyId, Authentication auth) {
    keys.retire(insurerId, keyId, auth.getName());
    return ResponseEntity.noContent().build();
  }
}
