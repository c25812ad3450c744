package dev.quiver.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the container's error page out of a response that has already started: after a streamed body
 * failed, the container dispatches to the error page (an include, since the response is committed) and
 * would append its output to the partial body before closing the connection. This filter answers such
 * dispatches with nothing, so the partial body is simply cut off.
 */
@Configuration(proxyBeanMethods = false)
class CommittedErrorFilter {
  @Bean
  FilterRegistrationBean<Filter> committedErrorDispatchFilter() {
    Filter filter = (request, response, chain) -> {
      boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR
          || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
      if (errorDispatch && committed(response)) {
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(DispatcherType.ERROR, DispatcherType.INCLUDE);
    registration.setName("committedErrorDispatchFilter");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  private static boolean committed(ServletResponse response) {
    return response.isCommitted();
  }
}
