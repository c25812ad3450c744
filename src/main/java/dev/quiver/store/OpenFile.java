package dev.quiver.store;

import dev.quiver.ipc.FileReader;

/**
 * A stored file opened for reading: its description, a reader over its memory mapping, and the mapped
 * bytes themselves (for serving the file or single messages without decoding).
 */
public record OpenFile(StoredFile file, FileReader reader, MappedByteSource bytes) {}
