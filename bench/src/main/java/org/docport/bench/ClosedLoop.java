package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load: {@code clients} threads, each with its own JDK {@link HttpClient}
 * (HTTP/1.1, one kept-alive connection), each sending its next request (a GET, or a POST of a body)
 * as soon as the previous answer is read. Answers are read as bytes and counted, not parsed, so the
 * figures are the server's and not a FHIR client's; anything but 200, 201 or a status the load
 * expects (409 for a slot somebody else took) is an error. The answers are also counted per status.
 * A warm-up is run and not measured; a request counts when it was sent inside the measured window.
 *
 * <p>{@link #paced} makes it an open-loop load instead: the clients send at a fixed total rate,
 * each at its own turn, whatever the answers take; a request's latency runs from its turn, so a
 * server that falls behind is charged for the wait (no coordinated omission). That is the latency
 * at a stated load, where the closed loop gives the throughput at saturation (there, latency is
 * only clients / throughput).
 */
final class ClosedLoop {

  /** What one load measured. */
  record Result(
      String label,
      int clients,
      Latencies latencies,
      long errors,
      long bytes,
      double seconds,
      List<String> errorSamples,
      CpuUsage.Breakdown cpu,
      Map<Integer, Long> statuses) {

    /** Answers with this status in the measured window. */
    long answered(int status) {
      return statuses.getOrDefault(status, 0L);
    }

    double perSecond() {
      return latencies.count() / seconds;
    }

    double meanBytes() {
      return latencies.count() == 0 ? 0 : (double) bytes / latencies.count();
    }

    static String[] headers() {
      return new String[] {
        "load",
        "clients",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "mean ms",
        "errors",
        "bytes/answer"
      };
    }

    Object[] cells() {
      return new Object[] {
        label,
        clients,
        String.format("%.0f", perSecond()),
        latencies.millisAt(50),
        latencies.millisAt(90),
        latencies.millisAt(99),
        latencies.maxMillis(),
        latencies.meanMillis(),
        errors,
        String.format("%.0f", meanBytes())
      };
    }

    void into(ObjectNode record) {
      record.put("load", label);
      record.put("clients", clients);
      record.put("requests_per_s", Latencies.round(perSecond()));
      latencies.into(record);
      record.put("errors", errors);
      record.put("mean_bytes", Math.round(meanBytes()));
      record.put("measured_s", Latencies.round(seconds));
      record.putPOJO("error_samples", errorSamples);
    }
  }

  /**
   * The load's requests.
   *
   * @param uri the next request's URI, chosen on the client's thread
   * @param token a new access token, or null to send none; each client renews its own after {@link
   *     SmartTokens#RENEW_AFTER}, outside the measured time of any request
   */
  record Requests(
      Function<ThreadLocalRandom, URI> uri,
      Supplier<String> token,
      Function<ThreadLocalRandom, String> body,
      Set<Integer> expected) {

    /** GETs of {@code uri}. */
    Requests(Function<ThreadLocalRandom, URI> uri, Supplier<String> token) {
      this(uri, token, null, Set.of());
    }
  }

  /**
   * One client's way of asking: its own connection, a request prepared (and a token renewed)
   * outside the measured time, then made.
   */
  interface Caller extends AutoCloseable {

    /** Prepares the next request. */
    void prepare(ThreadLocalRandom random) throws Exception;

    /** Makes the prepared request: what it answered. */
    Outcome call() throws InterruptedException;

    @Override
    default void close() throws Exception {}
  }

  /**
   * One answer: its status, the bytes read, and what was wrong with it (null when it is an answer
   * the load expects).
   */
  record Outcome(int status, long bytes, String failure) {}

  private ClosedLoop() {}

  /** The HTTP load of {@code requests}. */
  static Result run(
      String label,
      int clients,
      Duration warmup,
      Duration duration,
      Requests requests,
      CpuUsage cpu) {
    return run(label, clients, warmup, duration, () -> new HttpCaller(requests), cpu);
  }

  /** A load whose clients each ask through a caller of {@code callers}. */
  static Result run(
      String label,
      int clients,
      Duration warmup,
      Duration duration,
      Supplier<Caller> callers,
      CpuUsage cpu) {
    return run(label, clients, 0, warmup, duration, callers, cpu);
  }

  /** The HTTP load of {@code requests}, open loop: {@code perSecond} requests a second in all. */
  static Result paced(
      String label,
      int clients,
      double perSecond,
      Duration warmup,
      Duration duration,
      Requests requests,
      CpuUsage cpu) {
    long interval = Math.round(clients * 1e9 / perSecond);
    return run(label, clients, interval, warmup, duration, () -> new HttpCaller(requests), cpu);
  }

  /**
   * The load: closed loop when {@code interval} is 0, else each client sends every {@code interval}
   * ns, the clients' turns spread evenly over it.
   */
  private static Result run(
      String label,
      int clients,
      long interval,
      Duration warmup,
      Duration duration,
      Supplier<Caller> callers,
      CpuUsage cpu) {
    long start = System.nanoTime() + 200_000_000L;
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    List<Client> all = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      Client client =
          new Client(
              callers.get(), start + interval * i / clients, interval, measureFrom, end, done);
      all.add(client);
      Thread thread = new Thread(client, label + "-client-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    sleepUntil(measureFrom);
    CpuUsage.Snapshot before = cpu.snapshot();
    sleepUntil(end);
    CpuUsage.Snapshot after = cpu.snapshot();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Latencies latencies = new Latencies();
    long errors = 0;
    long bytes = 0;
    List<String> samples = new ArrayList<>();
    Map<Integer, Long> statuses = new TreeMap<>();
    for (Client client : all) {
      client.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
      latencies.add(client.latencies);
      errors += client.errors;
      bytes += client.bytes;
      samples.addAll(client.errorSamples);
    }
    return new Result(
        label,
        clients,
        latencies,
        errors,
        bytes,
        duration.toNanos() / 1e9,
        samples.subList(0, Math.min(5, samples.size())),
        cpu.between(before, after),
        statuses);
  }

  private static void sleepUntil(long nanos) {
    for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
    }
  }

  /** One client: its caller, and its own figures. */
  private static final class Client implements Runnable {
    private final Caller caller;
    private final long start;
    private final long interval;
    private final long measureFrom;
    private final long end;
    private final CountDownLatch done;
    final Latencies latencies = new Latencies();
    final List<String> errorSamples = new ArrayList<>();
    final Map<Integer, Long> statuses = new HashMap<>();
    long errors;
    long bytes;

    Client(
        Caller caller, long start, long interval, long measureFrom, long end, CountDownLatch done) {
      this.caller = caller;
      this.start = start;
      this.interval = interval;
      this.measureFrom = measureFrom;
      this.end = end;
      this.done = done;
    }

    @Override
    public void run() {
      try (caller) {
        sleepUntil(start);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long turn = start;
        while (true) {
          caller.prepare(random);
          long sent;
          if (interval == 0) {
            sent = System.nanoTime();
          } else {
            // Open loop: the request is due at its turn, and its latency counts from there.
            sleepUntil(turn);
            sent = turn;
            turn += interval;
          }
          if (sent >= end) {
            return;
          }
          Outcome outcome = caller.call();
          long answered = System.nanoTime();
          if (sent < measureFrom) {
            continue;
          }
          statuses.merge(outcome.status(), 1L, Long::sum);
          if (outcome.failure() == null) {
            latencies.record((answered - sent) / 1_000);
            bytes += outcome.bytes();
          } else {
            errors++;
            if (errorSamples.size() < 5) {
              errorSamples.add(outcome.failure());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        errorSamples.add("client stopped: " + e);
      } finally {
        done.countDown();
      }
    }
  }

  /**
   * HTTP/1.1 over one kept-alive connection of its own; anything but 200, 201 or a status the load
   * expects is a failure.
   */
  private static final class HttpCaller implements Caller {
    private final Requests requests;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private HttpRequest request;
    private String token;
    private long tokenAt;

    HttpCaller(Requests requests) {
      this.requests = requests;
    }

    @Override
    public void prepare(ThreadLocalRandom random) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(requests.uri().apply(random))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/fhir+json");
      if (requests.body() == null) {
        builder.GET();
      } else {
        builder
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(requests.body().apply(random)));
      }
      if (requests.token() != null) {
        if (token == null || System.nanoTime() - tokenAt > SmartTokens.RENEW_AFTER.toNanos()) {
          token = requests.token().get();
          tokenAt = System.nanoTime();
        }
        builder.header("Authorization", "Bearer " + token);
      }
      request = builder.build();
    }

    @Override
    public Outcome call() throws InterruptedException {
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        long size = response.body().length;
        boolean expected = status == 200 || status == 201 || requests.expected().contains(status);
        return new Outcome(
            status,
            size,
            expected
                ? null
                : request.uri().getPath()
                    + ": "
                    + status
                    + " "
                    + new String(response.body(), 0, (int) Math.min(size, 300)));
      } catch (IOException e) {
        return new Outcome(-1, 0, request.uri().getPath() + ": " + e);
      }
    }
  }
}
