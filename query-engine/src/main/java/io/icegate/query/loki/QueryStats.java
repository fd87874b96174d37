package io.icegate.query.loki;

/**
 * What one Loki query read and returned, for {@code data.stats}.
 *
 * @param bytesScanned bytes read from object storage
 * @param rowsScanned rows read from the lake
 * @param linesProcessed lines the pipeline saw
 * @param bytesProcessed bytes of those lines
 * @param entriesReturned entries in the answer
 * @param execNanos wall-clock time of the query
 */
public record QueryStats(
    long bytesScanned,
    long rowsScanned,
    long linesProcessed,
    long bytesProcessed,
    long entriesReturned,
    long execNanos) {}
