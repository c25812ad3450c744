package dev.quiver.web.ops;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as {@code application/problem+json} instead of its HTML page.
 *
 * <p>Tomcat refuses some requests before any filter or servlet sees them: a path with an encoded
 * {@code /} ({@code %2F}), {@code \} ({@code %5C}) or NUL ({@code %00}), a path that normalizes above the root,
 * a malformed request line or header. It then reports the error through the host's error report valve,
 * which by default writes an HTML page. This valve writes the same problem document as every other Quiver
 * error (without the request's path when Tomcat could not parse it), with a request id in the body and the
 * {@code X-Request-Id} header. Errors the application already answered (anything with a body) are left
 * alone, as in Tomcat's own valve.
 */
public final class ProblemReportValve extends ErrorReportValve {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    Map<String, Object> problem = ProblemBodies.of(status, detail(status), null, id);
    try {
      response.setHeader(RequestIds.HEADER, id);
      response.setContentType(ProblemBodies.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }

  static String detail(int status) {
    if (status == 400) {
      return "the request is not valid HTTP for this server: for example its path contains an encoded '/',"
          + " '\\' or NUL character (%2F, %5C, %00), or goes above the root";
    }
    return "the server could not process the request (HTTP " + status + ")";
  }
}
