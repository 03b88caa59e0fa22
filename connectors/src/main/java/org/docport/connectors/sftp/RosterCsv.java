package org.docport.connectors.sftp;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 defines it: fields separated by commas, records ended by CRLF, and a field that
 * holds a comma, a double quote or a line break enclosed in double quotes, its quotes doubled.
 */
final class RosterCsv {

  private RosterCsv() {}

  /** Writes one record. */
  static void write(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      field(out, fields.get(i));
    }
    out.write("\r\n");
  }

  private static void field(Writer out, String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!needsQuotes(value)) {
      out.write(value);
      return;
    }
    out.write('"');
    out.write(value.replace("\"", "\"\""));
    out.write('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
