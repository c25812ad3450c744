package dev.quiver.web.ops;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link ProblemReportValve} as the host's error report valve, in place of Tomcat's HTML one.
 *
 * <p>The host adds its own {@link ErrorReportValve} when it starts, which is after Spring Boot has configured
 * the context and before the context starts; so the swap happens when the context is about to start.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblemConfiguration {
  @Bean
  TomcatContextCustomizer problemErrorReports() {
    return context -> context.addLifecycleListener(event -> {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
        replaceErrorReports(context.getParent().getPipeline());
      }
    });
  }

  static void replaceErrorReports(Pipeline pipeline) {
    boolean installed = false;
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ProblemReportValve) {
        installed = true;
      } else if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    if (!installed) {
      pipeline.addValve(new ProblemReportValve());
    }
  }
}
