package org.docport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the hub's own Prometheus metrics, to split end-to-end figures into stages. */
final class HubMetrics {

  private HubMetrics() {}

  /**
   * Sample lines whose metric name starts with {@code prefix}, as name{labels} -> value; empty if
   * the endpoint cannot be read.
   */
  static Map<String, Double> scrape(String baseUrl, String prefix) {
    Map<String, Double> values = new LinkedHashMap<>();
    try {
      String auth =
          Base64.getEncoder()
              .encodeToString(
                  ("operator:" + BenchStack.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                      .header("Authorization", "Basic " + auth)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return values;
      }
      response
          .body()
          .lines()
          .filter(l -> l.startsWith(prefix))
          .forEach(
              l -> {
                int space = l.lastIndexOf(' ');
                values.put(l.substring(0, space), Double.parseDouble(l.substring(space + 1)));
              });
    } catch (IOException | NumberFormatException e) {
      return values;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return values;
  }
}
