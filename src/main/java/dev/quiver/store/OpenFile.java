package dev.quiver.store;

import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;

/**
 * A stored file opened for reading: its description, a reader over its bytes, and the bytes themselves (for
 * serving the file or single messages without decoding). A local store gives a memory mapping; the reader
 * and bytes stay valid for as long as the caller holds them, even if the file is deleted meanwhile.
 */
public record OpenFile(StoredFile file, FileReader reader, ByteSource bytes) {}
