package org.docport.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Applies a JSON Merge Patch to a value and reads the result back with the API's strict rules. */
@Component
public class MergePatcher {

  private final ObjectMapper json;

  MergePatcher(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @throws ApiException 400 naming the field when the patched document is not a valid {@code type}
   */
  public <T> T apply(T existing, JsonNode patch, Class<T> type) {
    if (patch == null || !patch.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Invalid patch", "A merge patch must be a JSON object.");
    }
    try {
      return json.treeToValue(JsonMergePatch.apply(json.valueToTree(existing), patch), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw JsonProblems.describe(e);
    }
  }
}
