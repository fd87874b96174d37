package io.icegate.query.logql.pipeline;

/** The values of {@code __error__} Loki sets, spelled exactly as Loki does. */
public final class PipelineErrors {
  public static final String JSON_PARSER = "JSONParserErr";
  public static final String LOGFMT_PARSER = "LogfmtParserErr";
  public static final String LABEL_FILTER = "LabelFilterErr";
  public static final String SAMPLE_EXTRACTION = "SampleExtractionErr";
  public static final String TEMPLATE_FORMAT = "TemplateFormatErr";

  private PipelineErrors() {}
}
