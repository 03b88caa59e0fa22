package org.docport.hub.web;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The REST API's newest-first pages: {@code before} (an id from an earlier page) and {@code limit}
 * checked the same way everywhere, and the link to the next, older page.
 */
public final class KeysetPages {

  private KeysetPages() {}

  /**
   * @param what what {@code before} names, for the error ("an entry id")
   * @return the bound to read below: {@code before}, or every id when it is absent
   * @throws ApiException 400 naming {@code limit} or {@code before}
   */
  public static long below(Long before, int limit, int max, String what) {
    if (limit < 1 || limit > max) {
      throw ApiException.invalidField("Invalid parameter", "limit", "must be from 1 to " + max);
    }
    if (before != null && before < 1) {
      throw ApiException.invalidField(
          "Invalid parameter", "before", "must be " + what + " from an earlier page");
    }
    return before == null ? Long.MAX_VALUE : before;
  }

  /** The next page's path ({@code path?before=..&limit=..}), or null when this one is the last. */
  public static <T> String next(String path, List<T> page, int limit, ToLongFunction<T> id) {
    return page.size() < limit
        ? null
        : "%s?before=%d&limit=%d".formatted(path, id.applyAsLong(page.get(page.size() - 1)), limit);
  }
}
