package dev.quiver.web;

import dev.quiver.store.FileStore;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link BatchFastPath} after the filters every request passes (request log and id at the
 * highest precedence, the observation of {@code http.server.requests} right after it, the bearer-token
 * check at +10) and before Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
class FastPathConfiguration {
  /** The fast path's filter order: after the bearer-token filter ({@code HIGHEST_PRECEDENCE + 10}). */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  @Bean
  FilterRegistrationBean<BatchFastPath> batchFastPath(FileStore store, ProblemHandler problems) {
    FilterRegistrationBean<BatchFastPath> registration =
        new FilterRegistrationBean<>(new BatchFastPath(store, problems));
    registration.setName("batchFastPath");
    registration.setOrder(ORDER);
    return registration;
  }
}
