package dev.quiver.web.ops;

import dev.quiver.web.QuiverProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operations wiring: the request-log filter (request id, access log, byte counters), the optional
 * bearer-token filter, the storage health indicator of the readiness group and the store gauges.
 * Everything else (health groups, probes, info, Prometheus, graceful shutdown) is Spring Boot's own,
 * configured in application.properties.
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {
  /** How old the store gauges' directory listing may be when scraped. */
  static final Duration STORE_GAUGE_MAX_AGE = Duration.ofSeconds(5);

  @Bean
  FilterRegistrationBean<RequestLogFilter> requestLogFilter(MeterRegistry registry) {
    FilterRegistrationBean<RequestLogFilter> registration =
        new FilterRegistrationBean<>(new RequestLogFilter(registry));
    registration.setName("requestLogFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Only when {@code quiver.auth.token} is set (not blank). */
  @Bean
  @Conditional(AuthEnabled.class)
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(QuiverProperties properties,
      JsonMapper json) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(properties.auth().token(), json));
    registration.setName("bearerTokenFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // after the request id is set
    return registration;
  }

  @Bean
  StorageHealthIndicator storageHealthIndicator(QuiverProperties properties) {
    return new StorageHealthIndicator(Path.of(properties.storage().dir()));
  }

  @Bean
  StoreMetrics storeMetrics(QuiverProperties properties) {
    return new StoreMetrics(Path.of(properties.storage().dir()).toAbsolutePath().normalize(),
        STORE_GAUGE_MAX_AGE.toNanos());
  }

  /** Matches when {@code quiver.auth.token} (from any property source, the environment included) is set. */
  static final class AuthEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return Binder.get(context.getEnvironment()).bind("quiver.auth.token", String.class)
          .map(token -> !token.isBlank())
          .orElse(false);
    }
  }
}
