package dev.quiver.ipc;

/** How a writer encodes messages. Compression of bodies comes with the conformance work. */
public record WriteOptions() {
  public static WriteOptions defaults() {
    return new WriteOptions();
  }
}
