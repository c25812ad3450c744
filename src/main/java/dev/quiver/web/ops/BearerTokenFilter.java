package dev.quiver.web.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional bearer-token authentication ({@code quiver.auth.token}; registered only when a token is set).
 * Every request needs {@code Authorization: Bearer <token>} except the operations paths: the actuator
 * ({@code /actuator/**}: health, info, metrics) and the API documentation ({@code /v3/api-docs/**},
 * {@code /swagger-ui/**}). Denying by default means a path no rule names (a new endpoint, a path spelled
 * oddly) is protected, never open by mistake.
 *
 * <p>Without a token, or with a wrong one: {@code 401} with {@code WWW-Authenticate: Bearer} (RFC 6750;
 * {@code error="invalid_token"} for a wrong one) and a problem body. Tokens are compared through their
 * SHA-256 digests with {@link MessageDigest#isEqual}, in time independent of where they differ and of
 * their lengths. The token is never logged.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
  static final String REALM = "quiver";
  private static final String ALREADY_FILTERED = BearerTokenFilter.class.getName() + ALREADY_FILTERED_SUFFIX;
  private static final List<String> OPEN_PREFIXES =
      List.of("/actuator/", "/v3/api-docs", "/swagger-ui/", "/swagger-ui.html");

  private final byte[] expectedDigest;
  private final JsonMapper json;

  public BearerTokenFilter(String token, JsonMapper json) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    this.expectedDigest = sha256(token.strip());
    this.json = json;
  }

  /** A constant: the default builds the name from the filter's name on every request. */
  @Override
  protected String getAlreadyFilteredAttributeName() {
    return ALREADY_FILTERED;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    if (request.getPathInfo() != null) {
      path += request.getPathInfo();
    }
    if (path.equals("/actuator")) {
      return true;
    }
    for (String prefix : OPEN_PREFIXES) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      reject(request, response, "Bearer realm=\"" + REALM + "\"",
          "this endpoint requires authentication: send the header 'Authorization: Bearer <token>' with "
              + "the token configured as quiver.auth.token");
      return;
    }
    if (!MessageDigest.isEqual(sha256(token), expectedDigest)) {
      reject(request, response, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
          "the bearer token is not valid");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), or null. */
  static String bearerToken(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    String token = value.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String challenge,
      String detail) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    ProblemBodies.write(request, response, json, HttpStatus.UNAUTHORIZED, detail);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
