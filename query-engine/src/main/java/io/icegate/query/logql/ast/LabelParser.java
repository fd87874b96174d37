package io.icegate.query.logql.ast;

/** A parser stage that extracts labels from the line: json, logfmt, regexp, pattern, unpack. */
public sealed interface LabelParser extends PipelineStage
    permits JsonParser, LogfmtParser, RegexpParser, PatternParser, UnpackParser {}
