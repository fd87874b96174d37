package io.icegate.query.sql;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.ScanRequest;
import io.icegate.query.engine.TenantScan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.iceberg.Schema;

/**
 * One signal table of the caller's tenant in SQL. Calcite hands it the query's column projection
 * and filters; both go down into the scan layer (Iceberg scan planning and WAL footers), and the
 * tenant is fixed by the {@link TenantScan}, out of SQL's reach: there is no {@code tenant_id}
 * column to select, filter or join on.
 */
final class LakeTable extends AbstractTable implements ProjectableFilterableTable {
  private final WalSignal signal;
  private final Schema visible;
  private final TenantScan scan;

  LakeTable(WalSignal signal, TenantScan scan) {
    this.signal = requireNonNull(signal, "signal is null");
    this.scan = requireNonNull(scan, "scan is null");
    this.visible = TenantScan.visibleSchema(signal.table().schema());
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return SqlTypes.rowType(visible, typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    List<Integer> wanted = new ArrayList<>();
    for (int index : projects == null ? allColumns() : projects) {
      wanted.add(index);
    }
    FilterTranslator.Translation filter =
        new FilterTranslator(visible, new RexBuilder(root.getTypeFactory())).translate(filters);
    // LIKE filters are evaluated here (their columns read after the projected ones) and taken
    // off Calcite's list; every other filter stays with Calcite as well.
    List<LikeFilter> likes = new ArrayList<>();
    for (Iterator<RexNode> each = filters.iterator(); each.hasNext(); ) {
      Optional<LikeFilter> like = LikeFilter.of(each.next(), visible);
      if (like.isPresent()) {
        likes.add(like.get());
        each.remove();
      }
    }
    List<Integer> read = new ArrayList<>(wanted);
    for (LikeFilter like : likes) {
      if (!read.contains(like.column())) {
        read.add(like.column());
      }
    }
    // COUNT(*) asks for no column at all; read the narrowest one so the scan stays cheap.
    List<String> columns =
        read.isEmpty()
            ? List.of("timestamp")
            : read.stream().map(i -> visible.columns().get(i).name()).toList();
    ScanRequest request =
        ScanRequest.all(signal)
            .select(columns)
            .where(filter.expression())
            .between(filter.from(), filter.to());
    int[] keep = new int[wanted.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = i;
    }
    int[] likeColumns = likes.stream().mapToInt(like -> read.indexOf(like.column())).toArray();
    // Lazy: the scan starts when Calcite first asks for a row and stops when it stops asking
    // (a LIMIT) or closes the enumerator.
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ScanEnumerator(scan.scan(request), likes, likeColumns, keep);
      }
    };
  }

  private int[] allColumns() {
    int[] all = new int[visible.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }
}
