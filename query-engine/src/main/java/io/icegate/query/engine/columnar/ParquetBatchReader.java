package io.icegate.query.engine.columnar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Binder;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads one Parquet data file of an Iceberg table straight into Arrow batches: only the projected
 * and filtered columns, row groups and pages skipped by statistics, dictionaries, bloom filters and
 * column indexes, then the row filter tested on the filter columns alone, so the other columns of a
 * dropped row are skipped, never decoded. Columns are matched by Iceberg field id; a column the
 * file lacks reads as nulls. The file is opened on the first {@link #hasNext()}.
 */
final class ParquetBatchReader implements CloseableIterator<VectorSchemaRoot> {
  private static final int CHUNK_ROWS = 4096;
  private static final int MIN_CHUNK_ROWS = 256;
  // Plain configuration: the default builder loads Hadoop's XML configuration on every file.
  private static final ParquetReadOptions FOOTER_OPTIONS =
      ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

  private final InputFile file;
  private final Schema projection;
  private final Expression fileFilter;
  private final List<NestedField> filterFields;
  private final RowFilter rowFilter;
  private final org.apache.arrow.vector.types.pojo.Schema arrow;
  private final BufferAllocator allocator;
  private final IntSupplier batchRows;
  // Position of each projected column among the filter columns, -1 if it is not one.
  private final int[] filterPosition;
  private ParquetFileReader reader;
  private MessageType requested;
  private String createdBy;
  private long rowsLeft;
  private ColumnFiller[] projectedFillers;
  private ColumnFiller[] filterFillers;
  private VectorSchemaRoot filterRoot;
  private ArrowRowStruct filterRow;
  private int[] selected = new int[CHUNK_ROWS];
  private double[] densities;
  private VectorSchemaRoot next;
  private boolean done;

  /**
   * @param rowFilter tested on every row (the task's residual: what partitioning does not prove)
   * @param fileFilter the scan's whole filter, used only to skip row groups and pages
   * @param batchRows how many rows the next batch should have (batches grow over a scan)
   */
  ParquetBatchReader(
      InputFile file,
      Schema tableSchema,
      Schema projection,
      Expression rowFilter,
      Expression fileFilter,
      BufferAllocator allocator,
      IntSupplier batchRows) {
    this.file = file;
    this.projection = projection;
    this.fileFilter = Binder.bind(tableSchema.asStruct(), fileFilter, true);
    this.arrow = io.icegate.query.engine.ArrowSchemas.of(projection);
    this.allocator = allocator;
    this.batchRows = batchRows;
    Expression boundRow = Binder.bind(tableSchema.asStruct(), rowFilter, true);
    this.filterFields =
        rowFilter.op() == Expression.Operation.TRUE
            ? List.of()
            : Binder.boundReferences(tableSchema.asStruct(), List.of(rowFilter), true).stream()
                .sorted()
                .map(tableSchema::findField)
                .toList();
    this.rowFilter =
        filterFields.isEmpty() && boundRow.op() == Expression.Operation.TRUE
            ? null
            : RowFilter.of(tableSchema, rowFilter, filterFields);
    this.filterPosition = new int[projection.columns().size()];
    for (int c = 0; c < filterPosition.length; c++) {
      filterPosition[c] = filterFields.indexOf(projection.columns().get(c));
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = readBatch();
      if (next == null) {
        close();
      }
    }
    return next != null;
  }

  @Override
  public VectorSchemaRoot next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    VectorSchemaRoot batch = next;
    next = null;
    return batch;
  }

  private VectorSchemaRoot readBatch() {
    if (reader == null) {
      open();
    }
    int target = batchRows.getAsInt();
    VectorSchemaRoot out = VectorSchemaRoot.create(arrow, allocator);
    try {
      List<FieldVector> vectors = out.getFieldVectors();
      presize(vectors, target);
      out.allocateNew();
      int outRows = 0;
      while (outRows < target) {
        if (rowsLeft == 0 && !nextRowGroup(vectors)) {
          break;
        }
        // Unfiltered: exactly the rows wanted. Filtered: at least a few hundred rows per chunk
        // (the batch may end up somewhat larger than asked) so selective filters stay cheap.
        int wanted =
            rowFilter == null ? target - outRows : Math.max(target - outRows, MIN_CHUNK_ROWS);
        int chunk = (int) Math.min(rowsLeft, Math.min(CHUNK_ROWS, wanted));
        outRows += readChunk(chunk, vectors, outRows);
        rowsLeft -= chunk;
      }
      if (outRows == 0) {
        out.close();
        return null;
      }
      out.setRowCount(outRows);
      densities = vectors.stream().mapToDouble(ParquetBatchReader::density).toArray();
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Sizes the vectors for {@code rows} rows as dense as the last batch's, so strings, bodies and
   * map entries do not grow their buffers step by step.
   */
  private void presize(List<FieldVector> vectors, int rows) {
    for (int c = 0; c < vectors.size(); c++) {
      FieldVector vector = vectors.get(c);
      double density = densities == null ? 0 : densities[c];
      if (density > 0 && vector instanceof BaseVariableWidthVector variable) {
        variable.setInitialCapacity(rows, density);
      } else if (density > 0 && vector instanceof ListVector list) {
        list.setInitialCapacity(rows, density);
      } else {
        vector.setInitialCapacity(rows);
      }
    }
  }

  private static double density(FieldVector vector) {
    if (vector instanceof BaseVariableWidthVector variable) {
      return variable.getDensity();
    }
    return vector instanceof ListVector list ? list.getDensity() : 0;
  }

  /** Reads {@code rows} rows of the row group, appends those the filter keeps at {@code at}. */
  private int readChunk(int rows, List<FieldVector> out, int at) {
    int kept;
    if (rowFilter == null) {
      kept = rows;
      for (int r = 0; r < rows; r++) {
        selected[r] = r;
      }
    } else {
      filterRoot.getFieldVectors().forEach(FieldVector::reset);
      List<FieldVector> filterVectors = filterRoot.getFieldVectors();
      for (int f = 0; f < filterFillers.length; f++) {
        filterFillers[f].bind(filterVectors.get(f));
      }
      for (int r = 0; r < rows; r++) {
        for (ColumnFiller filler : filterFillers) {
          filler.read(r);
        }
      }
      filterRoot.setRowCount(rows);
      kept = 0;
      for (int r = 0; r < rows; r++) {
        if (rowFilter.test(filterVectors, filterRow, r)) {
          selected[kept++] = r;
        }
      }
    }
    for (int c = 0; c < out.size(); c++) {
      FieldVector vector = out.get(c);
      if (filterPosition[c] >= 0) {
        FieldVector source = filterRoot.getFieldVectors().get(filterPosition[c]);
        for (int k = 0; k < kept; k++) {
          vector.copyFromSafe(selected[k], at + k, source);
        }
        continue;
      }
      ColumnFiller filler = projectedFillers[c];
      filler.bind(vector);
      int k = 0;
      for (int r = 0; r < rows; r++) {
        if (k < kept && selected[k] == r) {
          filler.read(at + k);
          k++;
        } else {
          filler.skip();
        }
      }
    }
    return kept;
  }

  private void open() {
    IcebergParquetFile input = new IcebergParquetFile(file);
    SeekableInputStream stream = input.newStream();
    try {
      // The footer first: the predicate names the file's columns, found by field id, and only
      // columns that are read (parquet-mr's page filter takes an unread column for all nulls).
      ParquetMetadata footer = ParquetFileReader.readFooter(input, FOOTER_OPTIONS, stream);
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      if (fileSchema.getFields().stream().anyMatch(field -> field.getId() == null)) {
        // Matching by name or position could silently read the wrong column: refuse instead.
        throw new IllegalStateException(
            "Cannot read data file "
                + file.location()
                + ": its columns carry no Iceberg field ids (a file added without a name mapping)");
      }
      List<Type> wanted = new ArrayList<>();
      for (NestedField field : neededFields()) {
        fileField(fileSchema, field.fieldId()).ifPresent(wanted::add);
      }
      requested = new MessageType(fileSchema.getName(), wanted);
      Optional<FilterPredicate> predicate = ParquetPredicates.of(fileFilter, requested);
      ParquetReadOptions options =
          ParquetReadOptions.builder(new PlainParquetConfiguration())
              .withRecordFilter(predicate.map(FilterCompat::get).orElse(FilterCompat.NOOP))
              .useStatsFilter(true)
              .useDictionaryFilter(true)
              .useBloomFilter(true)
              .useColumnIndexFilter(true)
              .build();
      // parquet-mr drops the row groups the predicate rules out here.
      reader = ParquetFileReader.open(input, footer, options, stream);
    } catch (IOException | RuntimeException e) {
      closeQuietly(stream, e);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot open data file " + file.location(), io);
      }
      throw (RuntimeException) e;
    }
    createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    reader.setRequestedSchema(requested);
    filterRoot =
        VectorSchemaRoot.create(
            io.icegate.query.engine.ArrowSchemas.of(new Schema(filterFields)), allocator);
    filterRoot.allocateNew();
    filterRow = new ArrowRowStruct(filterRoot.getFieldVectors());
  }

  private List<NestedField> neededFields() {
    List<NestedField> needed = new ArrayList<>(filterFields);
    projection.columns().stream().filter(f -> !needed.contains(f)).forEach(needed::add);
    return needed;
  }

  private boolean nextRowGroup(List<FieldVector> out) {
    PageReadStore rowGroup;
    try {
      rowGroup = reader.readNextFilteredRowGroup();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data file " + file.location(), e);
    }
    if (rowGroup == null) {
      return false;
    }
    rowsLeft = rowGroup.getRowCount();
    ColumnReadStoreImpl store =
        new ColumnReadStoreImpl(rowGroup, new NoopConverter(requested), requested, createdBy);
    Map<Integer, ColumnFiller> byId = new HashMap<>();
    for (NestedField field : neededFields()) {
      byId.put(field.fieldId(), filler(store, field));
    }
    filterFillers =
        filterFields.stream().map(f -> byId.get(f.fieldId())).toArray(ColumnFiller[]::new);
    projectedFillers =
        projection.columns().stream().map(f -> byId.get(f.fieldId())).toArray(ColumnFiller[]::new);
    return true;
  }

  private ColumnFiller filler(ColumnReadStoreImpl store, NestedField field) {
    Optional<Type> stored = fileField(requested, field.fieldId());
    if (stored.isEmpty()) {
      return new NullFiller();
    }
    Type type = stored.get();
    if (type.isPrimitive() && field.type().isPrimitiveType()) {
      ColumnReader column =
          store.getColumnReader(requested.getColumnDescription(new String[] {type.getName()}));
      return new PrimitiveFiller(column, writer(field.type(), type.asPrimitiveType(), field));
    }
    if (field.type().isMapType() && !type.isPrimitive()) {
      GroupType entries = type.asGroupType().getType(0).asGroupType();
      Type key = entries.getType(0);
      Type value = entries.getType(1);
      Types.MapType map = field.type().asMapType();
      String[] path = {type.getName(), entries.getName()};
      return new MapFiller(
          store.getColumnReader(
              requested.getColumnDescription(new String[] {path[0], path[1], key.getName()})),
          store.getColumnReader(
              requested.getColumnDescription(new String[] {path[0], path[1], value.getName()})),
          writer(map.keyType(), key.asPrimitiveType(), field),
          writer(map.valueType(), value.asPrimitiveType(), field));
    }
    throw unsupported(field);
  }

  private ValueWriter writer(
      org.apache.iceberg.types.Type type, PrimitiveType stored, NestedField field) {
    return ValueWriter.of(type, stored).orElseThrow(() -> unsupported(field));
  }

  private IllegalStateException unsupported(NestedField field) {
    return new IllegalStateException(
        "Cannot read column "
            + field.name()
            + " of data file "
            + file.location()
            + ": stored in a form IceGate's reader does not support");
  }

  private static Optional<Type> fileField(MessageType schema, int fieldId) {
    for (Type field : schema.getFields()) {
      if (field.getId() != null && field.getId().intValue() == fieldId) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static void closeQuietly(SeekableInputStream stream, Exception cause) {
    try {
      stream.close();
    } catch (IOException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  @Override
  public void close() {
    done = true;
    if (next != null) {
      next.close();
      next = null;
    }
    if (filterRoot != null) {
      filterRoot.close();
      filterRoot = null;
    }
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close data file " + file.location(), e);
      }
    }
  }
}
