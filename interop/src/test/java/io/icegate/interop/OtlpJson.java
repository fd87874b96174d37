package io.icegate.interop;

/** Small OTLP/JSON requests (the OTLP/HTTP JSON encoding), one record each, for the lake checks. */
final class OtlpJson {
  private OtlpJson() {}

  private static String resource(String service) {
    return "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\""
        + service
        + "\"}},{\"key\":\"host.name\",\"value\":{\"stringValue\":\"h1\"}}]}";
  }

  private static String scope() {
    return "\"scope\":{\"name\":\"interop\",\"version\":\"1.0\"}";
  }

  static String log(
      String service, long timeNanos, String body, String key, String value, String eventName) {
    return "{\"resourceLogs\":[{"
        + resource(service)
        + ",\"scopeLogs\":[{"
        + scope()
        + ",\"logRecords\":[{\"timeUnixNano\":\""
        + timeNanos
        + "\",\"severityNumber\":9,\"severityText\":\"INFO\",\"body\":{\"stringValue\":\""
        + body
        + "\"},\"attributes\":[{\"key\":\""
        + key
        + "\",\"value\":{\"stringValue\":\""
        + value
        + "\"}}],\"traceId\":\"5b8efff798038103d269b633813fc60c\","
        + "\"spanId\":\"eee19b7ec3c1b174\""
        + (eventName == null ? "" : ",\"eventName\":\"" + eventName + "\"")
        + "}]}]}]}";
  }

  static String span(String service, long startNanos, String name, String spanId) {
    return "{\"resourceSpans\":[{"
        + resource(service)
        + ",\"scopeSpans\":[{"
        + scope()
        + ",\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\""
        + spanId
        + "\",\"name\":\""
        + name
        + "\",\"kind\":2,\"startTimeUnixNano\":\""
        + startNanos
        + "\",\"endTimeUnixNano\":\""
        + (startNanos + 5_000_000)
        + "\",\"attributes\":[{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}}],"
        + "\"status\":{\"code\":1}}]}]}]}";
  }

  static String gauge(String service, long timeNanos, String name, double value) {
    return "{\"resourceMetrics\":[{"
        + resource(service)
        + ",\"scopeMetrics\":[{"
        + scope()
        + ",\"metrics\":[{\"name\":\""
        + name
        + "\",\"unit\":\"1\",\"gauge\":{\"dataPoints\":[{\"timeUnixNano\":\""
        + timeNanos
        + "\",\"asDouble\":"
        + value
        + ",\"attributes\":[{\"key\":\"cpu\",\"value\":{\"stringValue\":\"0\"}}]}]}}]}]}]}";
  }
}
