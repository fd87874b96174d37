package io.icegate.maintain.retention;

import io.icegate.lake.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The (tenant, day) partitions of a table's current snapshot with their live data files, read from
 * the manifests (no data file is opened). Files of a spec without {@code identity(tenant_id)} and
 * {@code day(timestamp)} are left out: retention only drops what it can name by tenant and day.
 */
final class DayPartitions {
  /** One partition's totals. */
  record Partition(TenantId tenant, LocalDate day, int files, long rows, long bytes) {
    Partition plus(Partition other) {
      return new Partition(
          tenant, day, files + other.files, rows + other.rows, bytes + other.bytes);
    }
  }

  private DayPartitions() {}

  static List<Partition> of(Table table) {
    Map<String, Partition> partitions = new TreeMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().ignoreResiduals().planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        PartitionSpec spec = table.specs().get(file.specId());
        int tenantPos = position(spec, "tenant_id", "identity");
        int dayPos = position(spec, "timestamp", "day");
        if (tenantPos < 0 || dayPos < 0) {
          continue;
        }
        String tenant = file.partition().get(tenantPos, String.class);
        Integer day = file.partition().get(dayPos, Integer.class);
        if (tenant == null || day == null) {
          continue;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        partitions.merge(
            tenant + "/" + date,
            new Partition(
                new TenantId(tenant), date, 1, file.recordCount(), file.fileSizeInBytes()),
            Partition::plus);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan files of " + table.name(), e);
    }
    return List.copyOf(partitions.values());
  }

  private static int position(PartitionSpec spec, String column, String transform) {
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField field = fields.get(i);
      if (spec.schema().findColumnName(field.sourceId()).equals(column)
          && field.transform().toString().equals(transform)) {
        return i;
      }
    }
    return -1;
  }
}
