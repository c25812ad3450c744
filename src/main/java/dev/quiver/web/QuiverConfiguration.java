package dev.quiver.web;

import dev.quiver.ipc.IpcLimits;
import dev.quiver.json.JsonLimits;
import dev.quiver.store.FileStore;
import dev.quiver.store.LocalFileStore;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the codec limits and the file store from {@link QuiverProperties}. */
@Configuration(proxyBeanMethods = false)
class QuiverConfiguration {
  @Bean
  IpcLimits ipcLimits(QuiverProperties properties) {
    return properties.ipc().toLimits();
  }

  @Bean
  JsonLimits jsonLimits(QuiverProperties properties) {
    return properties.json().toLimits().withMaxBatchValues(properties.ipc().maxBatchValues());
  }

  @Bean
  FileStore fileStore(QuiverProperties properties, IpcLimits ipcLimits) throws IOException {
    return new LocalFileStore(
        Path.of(properties.storage().dir()),
        ipcLimits,
        properties.limits().maxUploadBytes().toBytes(),
        properties.storage().quota() == null ? 0 : properties.storage().quota().toBytes(),
        properties.storage().timeToLive());
  }
}
