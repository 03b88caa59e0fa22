package org.docport.hub.smart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insurers register the clients their systems use to call the FHIR API (SMART Backend Services),
 * list them and revoke them or one of their keys; operators see and revoke every insurer's clients.
 * Revocation applies at once: the client's assertions are refused and its access tokens stop
 * working.
 */
@RestController
@Tag(name = "SMART clients")
class SmartClientController {

  /** A registered client; keys are public keys, nothing here is secret. */
  record ClientView(
      String clientId,
      String insurerId,
      String name,
      JsonNode jwks,
      String jwksUrl,
      List<String> scopes,
      List<SmartClient.KeyRevocation> revokedKeys,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      String revokedBy) {}

  private final SmartClients clients;
  private final Insurers insurers;
  private final DoctorAccess access;
  private final SmartSettings settings;
  private final ObjectMapper json;

  SmartClientController(
      SmartClients clients,
      Insurers insurers,
      DoctorAccess access,
      SmartSettings settings,
      ObjectMapper json) {
    this.clients = clients;
    this.insurers = insurers;
    this.access = access;
    this.settings = settings;
    this.json = json;
  }

  @Operation(
      summary = "Register a client for the insurer's systems (the insurer itself or operators)",
      description =
          "The client authenticates at the token endpoint with assertions signed by one of these"
              + " keys (RS384 with RSA of 2048 bits or more, ES384 with P-384), public keys only."
              + " Answers the client_id to use as the assertions' iss and sub.")
  @PostMapping("/api/insurers/{insurerId}/clients")
  ResponseEntity<ClientView> register(
      @PathVariable String insurerId,
      @RequestBody ClientRegistration registration,
      Authentication auth) {
    requireInsurer(insurerId, auth);
    SmartClient created =
        clients.register(
            registration.validated(insurerId, auth.getName(), settings.allowHttpJwksUrls()));
    return ResponseEntity.created(
            URI.create("/api/insurers/" + insurerId + "/clients/" + created.clientId()))
        .body(view(created));
  }

  @Operation(summary = "The insurer's clients, revoked ones included")
  @GetMapping("/api/insurers/{insurerId}/clients")
  List<ClientView> list(@PathVariable String insurerId, Authentication auth) {
    requireInsurer(insurerId, auth);
    return clients.ofInsurer(insurerId).stream().map(this::view).toList();
  }

  @Operation(summary = "One of the insurer's clients")
  @GetMapping("/api/insurers/{insurerId}/clients/{clientId}")
  ClientView read(
      @PathVariable String insurerId, @PathVariable String clientId, Authentication auth) {
    requireInsurer(insurerId, auth);
    return view(clientOf(insurerId, clientId));
  }

  @Operation(summary = "Revoke a client: its assertions and access tokens stop working at once")
  @DeleteMapping("/api/insurers/{insurerId}/clients/{clientId}")
  ResponseEntity<Void> revoke(
      @PathVariable String insurerId, @PathVariable String clientId, Authentication auth) {
    requireInsurer(insurerId, auth);
    clients.revoke(clientOf(insurerId, clientId).clientId(), auth.getName());
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Revoke one key of a client (by kid)",
      description =
          "Assertions signed with the key are refused and access tokens obtained with it stop"
              + " working at once; the client's other keys keep working.")
  @DeleteMapping("/api/insurers/{insurerId}/clients/{clientId}/keys/{kid}")
  ResponseEntity<Void> revokeKey(
      @PathVariable String insurerId,
      @PathVariable String clientId,
      @PathVariable String kid,
      Authentication auth) {
    requireInsurer(insurerId, auth);
    revokeKey(clientOf(insurerId, clientId), kid, auth.getName());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Every insurer's clients, or one insurer's (operator only)")
  @GetMapping("/api/operator/clients")
  List<ClientView> all(@RequestParam(required = false) String insurerId) {
    List<SmartClient> found = insurerId == null ? clients.all() : clients.ofInsurer(insurerId);
    return found.stream().map(this::view).toList();
  }

  @Operation(summary = "Revoke any client (operator only)")
  @DeleteMapping("/api/operator/clients/{clientId}")
  ResponseEntity<Void> revokeAny(@PathVariable String clientId, Authentication auth) {
    clients.revoke(client(clientId).clientId(), auth.getName());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Revoke one key of any client (operator only)")
  @DeleteMapping("/api/operator/clients/{clientId}/keys/{kid}")
  ResponseEntity<Void> revokeAnyKey(
      @PathVariable String clientId, @PathVariable String kid, Authentication auth) {
    revokeKey(client(clientId), kid, auth.getName());
    return ResponseEntity.noContent().build();
  }

  private void revokeKey(SmartClient client, String kid, String actor) {
    if (client.jwks() != null && client.inlineKeys().getKeyByKeyId(kid) == null) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Key not found",
          "Client '" + client.clientId() + "' has no key with kid '" + kid + "'.");
    }
    clients.revokeKey(client.clientId(), kid, actor);
  }

  private void requireInsurer(String insurerId, Authentication auth) {
    if (!access.caller(auth).mayActFor(insurerId)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Not your insurer",
          "An insurer account manages only its own insurer's clients.");
    }
    if (insurers.find(insurerId).isEmpty()) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "Insurer not found", "No insurer with id '" + insurerId + "'.");
    }
  }

  private SmartClient clientOf(String insurerId, String clientId) {
    return clients
        .find(clientId)
        .filter(c -> c.insurerId().equals(insurerId))
        .orElseThrow(() -> notFound(clientId));
  }

  private SmartClient client(String clientId) {
    return clients.find(clientId).orElseThrow(() -> notFound(clientId));
  }

  private static ApiException notFound(String clientId) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "Client not found", "No client with id '" + clientId + "'.");
  }

  private ClientView view(SmartClient c) {
    try {
      return new ClientView(
          c.clientId(),
          c.insurerId(),
          c.name(),
          c.jwks() == null ? null : json.readTree(c.jwks()),
          c.jwksUrl() == null ? null : c.jwksUrl().toString(),
          c.scopes(),
          c.revokedKeys(),
          c.createdAt(),
          c.createdBy(),
          c.revokedAt(),
          c.revokedBy());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JWKS of client " + c.clientId(), e);
    }
  }
}
