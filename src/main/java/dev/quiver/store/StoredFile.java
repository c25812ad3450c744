package dev.quiver.store;

import dev.quiver.columnar.Schema;
import java.time.Instant;

/**
 * What is known about one stored Arrow file, all derived from the file on disk.
 *
 * @param id the generated id
 * @param bytes the size of the file
 * @param batches the number of record batches
 * @param rows the total number of rows
 * @param schema the file's schema
 * @param created when the file was stored (its modification time)
 */
public record StoredFile(String id, long bytes, int batches, long rows, Schema schema, Instant created) {}
