package io.icegate.query.engine.columnar;

import io.icegate.query.engine.ArrowValues;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.column.ColumnReader;

/**
 * A top-level {@code map<primitive, primitive>} column: its key and value leaf columns advance in
 * step (they share repetition levels), a row's entries ending where the next repetition level is 0
 * (parquet-mr reports 0 at the end of the row group too).
 */
final class MapFiller extends ColumnFiller {
  private final ColumnReader keys;
  private final ColumnReader values;
  private final ValueWriter keyWriter;
  private final ValueWriter valueWriter;
  // Definition levels: of a stored key (an entry exists), of a stored value.
  private final int entryDefinition;
  private final int valueDefinition;
  private MapVector vector;
  private StructVector entries;
  private FieldVector keyVector;
  private FieldVector valueVector;

  MapFiller(
      ColumnReader keys, ColumnReader values, ValueWriter keyWriter, ValueWriter valueWriter) {
    this.keys = keys;
    this.values = values;
    this.keyWriter = keyWriter;
    this.valueWriter = valueWriter;
    this.entryDefinition = keys.getDescriptor().getMaxDefinitionLevel();
    this.valueDefinition = values.getDescriptor().getMaxDefinitionLevel();
  }

  @Override
  void bind(FieldVector vector) {
    this.vector = (MapVector) vector;
    this.entries = (StructVector) this.vector.getDataVector();
    this.keyVector = entries.getChildrenFromFields().get(0);
    this.valueVector = entries.getChildrenFromFields().get(1);
  }

  @Override
  void read(int index) {
    int definition = keys.getCurrentDefinitionLevel();
    if (definition < entryDefinition - 1) {
      ArrowValues.setNull(vector, index);
      consumeEntry();
      return;
    }
    int start = vector.startNewValue(index);
    int size = 0;
    if (definition < entryDefinition) {
      consumeEntry(); // an empty map
    } else {
      do {
        int at = start + size;
        entries.setIndexDefined(at);
        keyWriter.write(keys, keyVector, at);
        if (values.getCurrentDefinitionLevel() == valueDefinition) {
          valueWriter.write(values, valueVector, at);
        } else {
          ArrowValues.setNull(valueVector, at);
        }
        consumeEntry();
        size++;
      } while (keys.getCurrentRepetitionLevel() != 0);
    }
    vector.endValue(index, size);
  }

  @Override
  void skip() {
    do {
      if (keys.getCurrentDefinitionLevel() == entryDefinition) {
        keys.skip();
      }
      if (values.getCurrentDefinitionLevel() == valueDefinition) {
        values.skip();
      }
      consumeEntry();
    } while (keys.getCurrentRepetitionLevel() != 0);
  }

  private void consumeEntry() {
    keys.consume();
    values.consume();
  }
}
