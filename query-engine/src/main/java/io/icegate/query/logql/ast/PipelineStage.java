package io.icegate.query.logql.ast;

/** One stage of a log pipeline, applied to each line (and its labels) in order. */
public sealed interface PipelineStage
    permits LineFilterExpr,
        LabelParser,
        LabelFilterStage,
        LineFormat,
        LabelFormatExpr,
        DropLabels,
        KeepLabels,
        Decolorize {}
