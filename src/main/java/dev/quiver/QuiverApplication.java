package dev.quiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Quiver: Apache Arrow IPC over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuiverApplication {
  public static void main(String[] args) {
    SpringApplication.run(QuiverApplication.class, args);
  }
}
