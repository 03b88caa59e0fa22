package org.docport.connectors.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message to an insurer: a doctor's change, a withdrawal, or an empty one (a connection test).
 *
 * @param id a digest of the insurer and the body: a retry of the same content carries the same id,
 *     so the insurer can drop the repeat
 * @param contentType the body's media type
 * @param body the message as sent
 * @param entries how many writes and deletes it holds, for logs
 * @param published what the insurer holds once it has applied the message (DocPort business
 *     identifier to {@code Type/id}): after a change, what the change published; after a
 *     withdrawal, what stays (the shared organisations and networks)
 */
public record ChangeMessage(
    String id, String contentType, byte[] body, int entries, Map<String, String> published) {

  public ChangeMessage {
    published = Collections.unmodifiableMap(new LinkedHashMap<>(published));
  }
}
