package org.docport.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the doctor's web app (built from {@code hub/frontend} into {@code static/}) at {@code /}.
 * Its own routes ({@code /sign-in}, {@code /security}, ...) are answered with {@code index.html},
 * so a reload or a link from an e-mail opens the right screen; paths of the APIs never are. Hashed
 * assets are cached for a year, {@code index.html} never, so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
public class WebAppResources implements WebMvcConfigurer {

  /** Paths that belong to the APIs and machines, never to the web app. */
  private static final List<String> NOT_PAGES =
      List.of(
          "/api/", "/fhir/", "/actuator/", "/ical/", "/oauth2/", "/v3/", "/swagger-ui", "/error");

  /** The Content-Security-Policy of the web app's pages: nothing but its own scripts and styles. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Whether a request is for the web app: a GET or HEAD outside the APIs' paths. */
  public static boolean isWebApp(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return NOT_PAGES.stream().noneMatch(path::startsWith)
        && !path.equals("/api")
        && !path.equals("/fhir");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new PagesResolver());
  }

  /** A file when there is one; otherwise, for a route of the app (no extension), index.html. */
  private static final class PagesResolver extends PathResourceResolver {
    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
      String path = "/" + resourcePath;
      if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
        return null;
      }
      Resource file = super.getResource(resourcePath, location);
      if (file != null) {
        return file;
      }
      String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
      if (last.contains(".")) {
        return null; // a missing file is a 404, not the app
      }
      return super.getResource("index.html", location);
    }
  }
}
