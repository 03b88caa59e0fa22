package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * The parameters of a {@code $export} kick-off as {@link BulkExportRequest} reads them, whether
 * asked by GET (in the URL) or by POST (a FHIR {@code Parameters} body, Bulk Data v2): one reading,
 * so both kick-offs are checked by the same rules and fail with the same messages.
 *
 * <p>A POST's body is parsed here rather than by HAPI, so that an unreadable body is a 400 that
 * says what to send, and a malformed value (a {@code valueInstant} that is no instant) reaches the
 * check that names its parameter instead of failing the whole parse.
 */
final class BulkExportParameters {

  private BulkExportParameters() {}

  /** The kick-off's parameters by name, values in the order given. */
  static Map<String, String[]> of(FhirContext fhir, ServletRequestDetails request) {
    if (!isPost(request)) {
      return request.getParameters();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request
        .getParameters()
        .forEach(
            (name, values) -> {
              if (BulkExportRequest.KNOWN.contains(name)) {
                throw BulkExportRequest.invalid(
                    name, "a POST kick-off takes it in the Parameters body, not in the URL");
              }
              parameters.put(name, new ArrayList<>(List.of(values)));
            });
    List<ParametersParameterComponent> body = body(fhir, request).getParameter();
    for (int i = 0; i < body.size(); i++) {
      ParametersParameterComponent parameter = body.get(i);
      if (!parameter.hasName()) {
        throw invalidBody("Parameters.parameter[" + i + "] has no name");
      }
      String name = parameter.getName();
      List<String> values = parameters.computeIfAbsent(name, n -> new ArrayList<>());
      if (!BulkExportRequest.KNOWN.contains(name)) {
        values.add(""); // refused by name, as in a URL
      } else if (parameter.getValue() instanceof PrimitiveType<?> value
          && !parameter.hasResource()
          && !parameter.hasPart()) {
        values.add(value.getValueAsString() == null ? "" : value.getValueAsString());
      } else {
        throw BulkExportRequest.invalid(
            name,
            "give one value, as valueString (_since as valueInstant), not a resource or parts");
      }
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    parameters.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
    return result;
  }

  /**
   * What the kick-off asked, as a URL: a GET's own, a POST's with its body's parameters as the
   * query, so the manifest and the disclosure record tell what a POST asked for too.
   */
  static String request(ServletRequestDetails request, Map<String, String[]> parameters) {
    if (!isPost(request)) {
      return request.getCompleteUrl();
    }
    String query =
        parameters.entrySet().stream()
            .flatMap(
                e -> List.of(e.getValue()).stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    String url = request.getFhirServerBase() + "/" + request.getRequestPath();
    return query.isEmpty() ? url : url + "?" + query;
  }

  private static boolean isPost(ServletRequestDetails request) {
    return request.getRequestType() == RequestTypeEnum.POST;
  }

  private static Parameters body(FhirContext fhir, ServletRequestDetails request) {
    EncodingEnum encoding = EncodingEnum.forContentType(request.getHeader("Content-Type"));
    if (encoding == null) {
      throw invalidBody(
          "send a FHIR Parameters resource as application/fhir+json (or application/fhir+xml)");
    }
    String text = new String(request.loadRequestContents(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw invalidBody("it is empty; send a FHIR Parameters resource");
    }
    IBaseResource parsed;
    try {
      parsed = parser(fhir, encoding).parseResource(text);
    } catch (DataFormatException e) {
      throw invalidBody(
          "it is not a FHIR resource in "
              + encoding.getFormatContentType()
              + ": "
              + e.getMessage().replaceFirst("^HAPI-\\d+: ", ""));
    }
    if (!(parsed instanceof Parameters parameters)) {
      throw invalidBody("it is a " + parsed.fhirType() + "; send a Parameters resource");
    }
    return parameters;
  }

  /**
   * Lenient about values, so a bad one is reported by the parameter it belongs to; strict about
   * unknown elements, so a misspelt {@code parameter} is not silently an export of everything.
   */
  private static IParser parser(FhirContext fhir, EncodingEnum encoding) {
    LenientErrorHandler errors =
        new LenientErrorHandler(false) {
          @Override
          public void unknownElement(IParseLocation location, String name) {
            throw new DataFormatException("unknown element '" + name + "'");
          }
        };
    errors.setErrorOnInvalidValue(false);
    return encoding.newParser(fhir).setParserErrorHandler(errors);
  }

  private static InvalidRequestException invalidBody(String problem) {
    return new InvalidRequestException("$export body: " + problem + ".");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
