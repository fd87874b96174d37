package io.icegate.query.loki;

/** What one Loki query read and returned, for {@code data.stats}. */
record QueryStats(
    long bytesScanned,
    long rowsScanned,
    long linesProcessed,
    long bytesProcessed,
    long entriesReturned,
    long execNanos) {}
