package org.docport.hub.partner;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read whole to verify its signature, and is read again from memory by
 * what follows (the idempotency check, the controller). {@code RequestSizeLimit} bounds it at 1 MiB
 * before anything reads it.
 */
final class SignedRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final RequestSignatures.Verified verified;

  SignedRequest(HttpServletRequest request, byte[] body, RequestSignatures.Verified verified) {
    super(request);
    this.body = body;
    this.verified = verified;
  }

  /** The body exactly as it was signed. */
  byte[] body() {
    return body.clone();
  }

  RequestSignatures.Verified verified() {
    return verified;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body was read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
