package org.docport.hub.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Versions as entity tags: a resource at version 7 has {@code ETag: "7"}. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names.
   *
   * @throws ApiException 428 when absent, 400 when unreadable
   */
  public static long required(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(
          HttpStatus.PRECONDITION_REQUIRED,
          "If-Match required",
          "Send the ETag you last read in If-Match (e.g. If-Match: \""
              + currentVersion
              + "\") so that concurrent changes are not lost.");
    }
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return currentVersion;
    }
    tag = tag.startsWith("W/") ? tag.substring(2) : tag;
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Unreadable If-Match",
          "If-Match must be an ETag DocPort sent, such as \"" + currentVersion + "\".");
    }
  }

  /**
   * The 412 for a change made on a version that is no longer current.
   *
   * @param what what changed, capitalized ("Doctor", "Availability")
   */
  public static ApiException changedMeanwhile(String what, long current, long expected) {
    return new ApiException(
        HttpStatus.PRECONDITION_FAILED,
        what + " changed meanwhile",
        "The "
            + what.toLowerCase(Locale.ROOT)
            + " is at version "
            + current
            + ", not "
            + expected
            + ". Read it again (GET) and send your change with If-Match: \""
            + current
            + "\".");
  }
}
